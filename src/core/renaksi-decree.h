/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  RENAKSI_DECREE_PART_CONSIDERATION,   /* Menimbang */
  RENAKSI_DECREE_PART_LEGAL_BASIS,     /* Mengingat */
  RENAKSI_DECREE_PART_CLAUSE,          /* Menetapkan, KESATU, KEDUA, … */
} RenaksiDecreePartKind;

typedef struct
{
  RenaksiDecreePartKind  kind;
  char                  *label;       /* "a.", "1.", "KESATU", … as printed */
  char                  *text;
} RenaksiDecreePart;

/* The decree (Keputusan) whose annex is the plan. */
typedef struct
{
  char      *institution;
  char      *number;
  int        year;
  char      *title;
  char      *place;
  char      *date_set;          /* ISO 8601 (YYYY-MM-DD), or empty */
  char      *signatory_title;
  char      *signatory_name;
  char      *copy_unit;         /* the certified-copy block */
  char      *copy_title;
  char      *copy_name;
  char      *invocation;        /* "DENGAN RAHMAT …", or empty: not every decree has one */
  GPtrArray *parts;             /* of RenaksiDecreePart, in document order */
} RenaksiDecree;

RenaksiDecree *renaksi_decree_new                  (void);
RenaksiDecree *renaksi_decree_copy                 (const RenaksiDecree    *decree);
void           renaksi_decree_free                 (RenaksiDecree          *decree);
gboolean       renaksi_decree_set_field            (RenaksiDecree          *decree,
                                                    const char             *key,
                                                    const char             *value,
                                                    GError                **error);
const char   **renaksi_decree_get_field_keys       (void);
char          *renaksi_decree_dup_field            (RenaksiDecree          *decree,
                                                    const char             *key);
char          *renaksi_decree_dup_plain_field      (RenaksiDecree          *decree,
                                                    const char             *key);
void           renaksi_decree_add_part             (RenaksiDecree          *decree,
                                                    RenaksiDecreePartKind   kind,
                                                    const char             *label,
                                                    const char             *text);
const char    *renaksi_decree_part_kind_to_string  (RenaksiDecreePartKind   kind);
gboolean       renaksi_decree_part_kind_from_string(const char             *name,
                                                    RenaksiDecreePartKind  *kind);
char          *renaksi_decree_format_date_set      (RenaksiDecree          *decree);
char          *renaksi_decree_parse_date           (const char             *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RenaksiDecree, renaksi_decree_free)

G_END_DECLS
