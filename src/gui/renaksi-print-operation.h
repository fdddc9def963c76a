/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "renaksi-annex-layout.h"

G_BEGIN_DECLS

#define RENAKSI_TYPE_PRINT_OPERATION (renaksi_print_operation_get_type ())
G_DECLARE_FINAL_TYPE (RenaksiPrintOperation, renaksi_print_operation, RENAKSI, PRINT_OPERATION, GtkPrintOperation)

RenaksiPrintOperation *renaksi_print_operation_new           (RenaksiPlan           *plan);
RenaksiAnnexLayout    *renaksi_print_operation_get_layout    (RenaksiPrintOperation *self);
GtkPageSetup          *renaksi_print_operation_new_page_setup(RenaksiPaper           paper);

G_END_DECLS
