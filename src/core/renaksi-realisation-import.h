/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "renaksi-plan.h"

G_BEGIN_DECLS

typedef struct _RenaksiRealisationRows RenaksiRealisationRows;

RenaksiRealisationRows *renaksi_realisation_rows_read       (RenaksiPlan            *plan,
                                                             const char             *contents,
                                                             gsize                   length,
                                                             const char             *source_name,
                                                             GError                **error);
RenaksiRealisationRows *renaksi_realisation_rows_read_sheet (RenaksiPlan            *plan,
                                                             GPtrArray              *rows,
                                                             const char             *source_name,
                                                             GError                **error);
RenaksiRealisationRows *renaksi_realisation_rows_read_sheet_for (GListModel         *areas,
                                                                 GPtrArray          *rows,
                                                                 const char         *source_name,
                                                                 GError            **error);
RenaksiRealisationRows *renaksi_realisation_rows_read_file  (RenaksiPlan            *plan,
                                                             const char             *path,
                                                             GError                **error);
guint                   renaksi_realisation_rows_get_n_rows (RenaksiRealisationRows *rows);
gboolean                renaksi_realisation_rows_apply      (RenaksiRealisationRows *rows,
                                                             RenaksiPlan            *plan,
                                                             GError                **error);
void                    renaksi_realisation_rows_free       (RenaksiRealisationRows *rows);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RenaksiRealisationRows, renaksi_realisation_rows_free)

G_END_DECLS
