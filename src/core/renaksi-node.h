/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum
{
  RENAKSI_NODE_AREA,
  RENAKSI_NODE_ACTIVITY,
  RENAKSI_NODE_SUB_ACTIVITY,
  RENAKSI_NODE_INDICATOR,
} RenaksiNodeKind;

#define RENAKSI_N_MONTHS 12
#define RENAKSI_ALL_MONTHS 0xfffu

/* The texts of one month's realisation record (a sub-activity's). */
typedef enum
{
  RENAKSI_REALISATION_DESCRIPTION,   /* uraian pelaksanaan: what was done */
  RENAKSI_REALISATION_OBSTACLES,     /* kendala/hambatan */
  RENAKSI_REALISATION_FOLLOW_UP,     /* rencana tindak lanjut */
  RENAKSI_N_REALISATION_TEXTS
} RenaksiRealisationText;

#define RENAKSI_TYPE_NODE (renaksi_node_get_type ())
G_DECLARE_FINAL_TYPE (RenaksiNode, renaksi_node, RENAKSI, NODE, GObject)

RenaksiNode     *renaksi_node_new                 (RenaksiNodeKind  kind,
                                                   gint64           id,
                                                   const char      *label,
                                                   const char      *text);
RenaksiNodeKind  renaksi_node_get_kind            (RenaksiNode     *self);
const char      *renaksi_node_kind_to_string      (RenaksiNodeKind  kind);
gint64           renaksi_node_get_id              (RenaksiNode     *self);
const char      *renaksi_node_get_label           (RenaksiNode     *self);
void             renaksi_node_set_label           (RenaksiNode     *self,
                                                   const char      *label);
const char      *renaksi_node_get_text            (RenaksiNode     *self);
char            *renaksi_node_dup_plain_text      (RenaksiNode     *self);
void             renaksi_node_set_text            (RenaksiNode     *self,
                                                   const char      *text);
guint            renaksi_node_get_planned_months  (RenaksiNode     *self);
void             renaksi_node_set_planned_months  (RenaksiNode     *self,
                                                   guint            months);
guint            renaksi_node_get_realised_months (RenaksiNode     *self);
void             renaksi_node_set_realised_months (RenaksiNode     *self,
                                                   guint            months);
const char      *renaksi_node_get_remark          (RenaksiNode     *self);
void             renaksi_node_set_remark          (RenaksiNode     *self,
                                                   const char      *remark);
guint            renaksi_node_get_noted_months    (RenaksiNode     *self);
const char      *renaksi_node_get_realisation_text (RenaksiNode           *self,
                                                    guint                  month,
                                                    RenaksiRealisationText which);
void             renaksi_node_set_realisation_note (RenaksiNode     *self,
                                                    guint            month,
                                                    const char      *description,
                                                    const char      *obstacles,
                                                    const char      *follow_up);
int              renaksi_node_get_position        (RenaksiNode     *self);
void             renaksi_node_set_position        (RenaksiNode     *self,
                                                   int              position);
gboolean         renaksi_node_get_label_manual    (RenaksiNode     *self);
void             renaksi_node_set_label_manual    (RenaksiNode     *self,
                                                   gboolean         manual);
RenaksiNode     *renaksi_node_get_parent          (RenaksiNode     *self);
guint            renaksi_node_get_index           (RenaksiNode     *self);
void             renaksi_node_insert_child        (RenaksiNode     *self,
                                                   RenaksiNode     *child);
void             renaksi_node_remove_child        (RenaksiNode     *self,
                                                   RenaksiNode     *child);
GListModel      *renaksi_node_get_children        (RenaksiNode     *self);
void             renaksi_node_append_child        (RenaksiNode     *self,
                                                   RenaksiNode     *child);
void             renaksi_node_count               (RenaksiNode     *self,
                                                   guint           *activities,
                                                   guint           *sub_activities,
                                                   guint           *indicators);

G_END_DECLS
