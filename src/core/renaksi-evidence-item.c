/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One evidence item (bukti dukung): a document attached to an indicator,
 * its details and its review. The content itself is a blob in the plan
 * file, named by its SHA-256; the item only refers to it.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "renaksi-evidence-item.h"

struct _RenaksiEvidenceItem
{
  GObject              parent_instance;

  /* Owned references */
  char                *sha256;
  char                *file_name;
  char                *mime_type;
  char                *added_at;
  RenaksiEvidenceDetails details;
  char                *reviewer_note;
  char                *reviewer_name;
  char                *reviewed_at;

  gint64               id;
  gint64               indicator_id;
  guint64              size;
  int                  position;
  RenaksiReviewStatus  status;
};

enum {
  PROP_0,
  PROP_TITLE,
  PROP_FILE_NAME,
  PROP_KIND,
  PROP_STATUS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (RenaksiEvidenceItem, renaksi_evidence_item, G_TYPE_OBJECT)

/* Keys as stored in the file, in enum order; never change them. */
static const char * const kind_keys[RENAKSI_N_EVIDENCE_KINDS] = {
  "sk", "minutes", "attendance", "photo", "report", "letter", "screenshot", "other",
};

static const char * const status_keys[RENAKSI_N_REVIEW_STATUSES] = {
  "unreviewed", "accepted", "needs_fixing",
};

const char *
renaksi_evidence_kind_to_key (RenaksiEvidenceKind kind)
{
  g_return_val_if_fail (kind < RENAKSI_N_EVIDENCE_KINDS, "other");

  return kind_keys[kind];
}

gboolean
renaksi_evidence_kind_from_key (const char          *key,
                                RenaksiEvidenceKind *out_kind)
{
  for (guint i = 0; i < RENAKSI_N_EVIDENCE_KINDS; i++)
    if (g_strcmp0 (key, kind_keys[i]) == 0)
      {
        *out_kind = i;
        return TRUE;
      }

  *out_kind = RENAKSI_EVIDENCE_KIND_OTHER;
  return FALSE;
}

const char *
renaksi_evidence_kind_get_label (RenaksiEvidenceKind kind)
{
  switch (kind)
    {
    case RENAKSI_EVIDENCE_KIND_SK: return _("Decree (SK)");
    case RENAKSI_EVIDENCE_KIND_MINUTES: return _("Minutes");
    case RENAKSI_EVIDENCE_KIND_ATTENDANCE: return _("Attendance list");
    case RENAKSI_EVIDENCE_KIND_PHOTO: return _("Photo");
    case RENAKSI_EVIDENCE_KIND_REPORT: return _("Report");
    case RENAKSI_EVIDENCE_KIND_LETTER: return _("Letter");
    case RENAKSI_EVIDENCE_KIND_SCREENSHOT: return _("Screenshot");
    case RENAKSI_EVIDENCE_KIND_OTHER:
    case RENAKSI_N_EVIDENCE_KINDS:
    default: return _("Other");
    }
}

const char *
renaksi_review_status_to_key (RenaksiReviewStatus status)
{
  g_return_val_if_fail (status < RENAKSI_N_REVIEW_STATUSES, "unreviewed");

  return status_keys[status];
}

gboolean
renaksi_review_status_from_key (const char          *key,
                                RenaksiReviewStatus *out_status)
{
  for (guint i = 0; i < RENAKSI_N_REVIEW_STATUSES; i++)
    if (g_strcmp0 (key, status_keys[i]) == 0)
      {
        *out_status = i;
        return TRUE;
      }

  *out_status = RENAKSI_REVIEW_UNREVIEWED;
  return FALSE;
}

const char *
renaksi_review_status_get_label (RenaksiReviewStatus status)
{
  switch (status)
    {
    case RENAKSI_REVIEW_ACCEPTED: return _("Accepted");
    case RENAKSI_REVIEW_NEEDS_FIXING: return _("Needs fixing");
    case RENAKSI_REVIEW_UNREVIEWED:
    case RENAKSI_N_REVIEW_STATUSES:
    default: return _("Not reviewed");
    }
}

void
renaksi_evidence_review_free (RenaksiEvidenceReview *review)
{
  if (review == NULL)
    return;

  g_free (review->note);
  g_free (review->reviewer_name);
  g_free (review->reviewed_at);
  g_free (review);
}

/**
 * renaksi_evidence_review_describe:
 *
 * "Ani · 2 Desember 2026 — note", each part left out with its separator
 * when empty: with no officer name set, a subtitle began " · …".
 *
 * Returns: the line, possibly empty.
 */
char *
renaksi_evidence_review_describe (const char *reviewer_name,
                                  const char *when,
                                  const char *note)
{
  GString *line = g_string_new (reviewer_name != NULL ? reviewer_name : "");

  if (when != NULL && *when != '\0')
    g_string_append_printf (line, "%s%s", line->len > 0 ? " · " : "", when);
  if (note != NULL && *note != '\0')
    g_string_append_printf (line, "%s%s", line->len > 0 ? " — " : "", note);

  return g_string_free (line, FALSE);
}

void
renaksi_evidence_details_clear (RenaksiEvidenceDetails *details)
{
  g_clear_pointer (&details->title, g_free);
  g_clear_pointer (&details->doc_number, g_free);
  g_clear_pointer (&details->doc_date, g_free);
  g_clear_pointer (&details->notes, g_free);
}

static void
renaksi_evidence_item_finalize (GObject *object)
{
  RenaksiEvidenceItem *self = (RenaksiEvidenceItem *)object;

  g_free (self->sha256);
  g_free (self->file_name);
  g_free (self->mime_type);
  g_free (self->added_at);
  renaksi_evidence_details_clear (&self->details);
  g_free (self->reviewer_note);
  g_free (self->reviewer_name);
  g_free (self->reviewed_at);

  G_OBJECT_CLASS (renaksi_evidence_item_parent_class)->finalize (object);
}

static void
renaksi_evidence_item_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  RenaksiEvidenceItem *self = RENAKSI_EVIDENCE_ITEM (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->details.title);
      break;
    case PROP_FILE_NAME:
      g_value_set_string (value, self->file_name);
      break;
    case PROP_KIND:
      g_value_set_uint (value, self->details.kind);
      break;
    case PROP_STATUS:
      g_value_set_uint (value, self->status);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
renaksi_evidence_item_class_init (RenaksiEvidenceItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = renaksi_evidence_item_finalize;
  object_class->get_property = renaksi_evidence_item_get_property;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, "", G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_FILE_NAME] =
    g_param_spec_string ("file-name", NULL, NULL, "", G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_KIND] =
    g_param_spec_uint ("kind", NULL, NULL, 0, RENAKSI_N_EVIDENCE_KINDS - 1,
                       RENAKSI_EVIDENCE_KIND_OTHER, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATUS] =
    g_param_spec_uint ("status", NULL, NULL, 0, RENAKSI_N_REVIEW_STATUSES - 1,
                       RENAKSI_REVIEW_UNREVIEWED, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
renaksi_evidence_item_init (RenaksiEvidenceItem *self)
{
  self->sha256 = g_strdup ("");
  self->file_name = g_strdup ("");
  self->mime_type = g_strdup ("application/octet-stream");
  self->added_at = g_strdup ("");
  self->details.title = g_strdup ("");
  self->details.doc_number = g_strdup ("");
  self->details.doc_date = g_strdup ("");
  self->details.notes = g_strdup ("");
  self->details.kind = RENAKSI_EVIDENCE_KIND_OTHER;
  self->reviewer_note = g_strdup ("");
  self->reviewer_name = g_strdup ("");
  self->reviewed_at = g_strdup ("");
}

RenaksiEvidenceItem *
renaksi_evidence_item_new (gint64 id,
                           gint64 indicator_id,
                           int    position)
{
  RenaksiEvidenceItem *self = g_object_new (RENAKSI_TYPE_EVIDENCE_ITEM, NULL);

  self->id = id;
  self->indicator_id = indicator_id;
  self->position = position;

  return self;
}

#define GETTER(type, name, expr)                                  \
  type                                                            \
  renaksi_evidence_item_get_##name (RenaksiEvidenceItem *self)    \
  {                                                               \
    g_return_val_if_fail (RENAKSI_IS_EVIDENCE_ITEM (self), 0);    \
    return expr;                                                  \
  }

GETTER (gint64, id, self->id)
GETTER (gint64, indicator_id, self->indicator_id)
GETTER (int, position, self->position)
GETTER (const char *, sha256, self->sha256)
GETTER (guint64, size, self->size)
GETTER (const char *, file_name, self->file_name)
GETTER (const char *, mime_type, self->mime_type)
GETTER (const char *, title, self->details.title)
GETTER (const char *, doc_number, self->details.doc_number)
GETTER (const char *, doc_date, self->details.doc_date)
GETTER (RenaksiEvidenceKind, kind, self->details.kind)
GETTER (guint, month, self->details.month)
GETTER (const char *, notes, self->details.notes)
GETTER (RenaksiReviewStatus, status, self->status)
GETTER (const char *, reviewer_note, self->reviewer_note)
GETTER (const char *, reviewer_name, self->reviewer_name)
GETTER (const char *, reviewed_at, self->reviewed_at)
GETTER (const char *, added_at, self->added_at)

#undef GETTER

void
renaksi_evidence_item_copy_details (RenaksiEvidenceItem    *self,
                                    RenaksiEvidenceDetails *out_details)
{
  g_return_if_fail (RENAKSI_IS_EVIDENCE_ITEM (self));
  g_return_if_fail (out_details != NULL);

  out_details->title = g_strdup (self->details.title);
  out_details->doc_number = g_strdup (self->details.doc_number);
  out_details->doc_date = g_strdup (self->details.doc_date);
  out_details->kind = self->details.kind;
  out_details->month = self->details.month;
  out_details->notes = g_strdup (self->details.notes);
}

static void
set_string (char       **field,
            const char  *value)
{
  g_free (*field);
  *field = g_strdup (value != NULL ? value : "");
}

void
renaksi_evidence_item_set_content (RenaksiEvidenceItem *self,
                                   const char          *sha256,
                                   guint64              size,
                                   const char          *file_name,
                                   const char          *mime_type,
                                   const char          *added_at)
{
  g_return_if_fail (RENAKSI_IS_EVIDENCE_ITEM (self));

  set_string (&self->sha256, sha256);
  set_string (&self->file_name, file_name);
  set_string (&self->mime_type, mime_type);
  set_string (&self->added_at, added_at);
  self->size = size;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE_NAME]);
}

void
renaksi_evidence_item_set_details (RenaksiEvidenceItem          *self,
                                   const RenaksiEvidenceDetails *details)
{
  g_return_if_fail (RENAKSI_IS_EVIDENCE_ITEM (self));
  g_return_if_fail (details != NULL);

  set_string (&self->details.title, details->title);
  set_string (&self->details.doc_number, details->doc_number);
  set_string (&self->details.doc_date, details->doc_date);
  set_string (&self->details.notes, details->notes);
  self->details.kind = details->kind < RENAKSI_N_EVIDENCE_KINDS ? details->kind
                                                                : RENAKSI_EVIDENCE_KIND_OTHER;
  self->details.month = details->month <= 12 ? details->month : 0;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

void
renaksi_evidence_item_set_review (RenaksiEvidenceItem *self,
                                  RenaksiReviewStatus  status,
                                  const char          *note,
                                  const char          *reviewer_name,
                                  const char          *reviewed_at)
{
  g_return_if_fail (RENAKSI_IS_EVIDENCE_ITEM (self));

  self->status = status < RENAKSI_N_REVIEW_STATUSES ? status : RENAKSI_REVIEW_UNREVIEWED;
  set_string (&self->reviewer_note, note);
  set_string (&self->reviewer_name, reviewer_name);
  set_string (&self->reviewed_at, reviewed_at);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

/**
 * renaksi_evidence_item_group:
 * @items: (element-type RenaksiEvidenceItem): in plan order
 *
 * Returns: (transfer full): indicator id (gint64) → GPtrArray of its items
 * of @items, in their order: what the exports walk the outline with.
 */
GHashTable *
renaksi_evidence_item_group (GListModel *items)
{
  GHashTable *groups = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                              (GDestroyNotify)g_ptr_array_unref);

  g_return_val_if_fail (G_IS_LIST_MODEL (items), groups);

  for (guint i = 0, n = g_list_model_get_n_items (items); i < n; i++)
    {
      RenaksiEvidenceItem *item = g_list_model_get_item (items, i);
      gint64 id = renaksi_evidence_item_get_indicator_id (item);
      GPtrArray *list = g_hash_table_lookup (groups, &id);

      if (list == NULL)
        {
          list = g_ptr_array_new_with_free_func (g_object_unref);
          g_hash_table_insert (groups, g_memdup2 (&id, sizeof id), list);
        }
      g_ptr_array_add (list, item);
    }

  return groups;
}
