/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Printing the annex: the same layout engine as the PDF export, paginated
 * for the paper and orientation chosen in the print dialog. F4 landscape
 * unless the person picks another paper.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "renaksi-print-operation.h"

struct _RenaksiPrintOperation
{
  GtkPrintOperation   parent_instance;

  /* Owned references */
  RenaksiAnnexLayout *layout;
  GtkPageOrientation  body_orientation;
};

G_DEFINE_FINAL_TYPE (RenaksiPrintOperation, renaksi_print_operation, GTK_TYPE_PRINT_OPERATION)

/* Returns: (transfer full): landscape @paper, margins left to the layout. */
GtkPageSetup *
renaksi_print_operation_new_page_setup (RenaksiPaper paper)
{
  GtkPageSetup *setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) size = NULL;

  if (paper == RENAKSI_PAPER_A4)
    size = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  else
    size = gtk_paper_size_new_custom ("renaksi-f4", "F4 (215 × 330 mm)",
                                      RENAKSI_PAPER_F4_WIDTH_MM, RENAKSI_PAPER_F4_HEIGHT_MM, GTK_UNIT_MM);
  gtk_page_setup_set_paper_size (setup, size);
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_LANDSCAPE);

  return setup;
}

static void
renaksi_print_operation_begin_print (GtkPrintOperation *operation,
                                     GtkPrintContext   *context)
{
  RenaksiPrintOperation *self = RENAKSI_PRINT_OPERATION (operation);

  double width = gtk_print_context_get_width (context);
  double height = gtk_print_context_get_height (context);

  /* Full page in points: the layout keeps its own margins. */
  renaksi_annex_layout_set_page_size (self->layout, width, height);
  self->body_orientation = width > height ? GTK_PAGE_ORIENTATION_PORTRAIT
                                          : GTK_PAGE_ORIENTATION_LANDSCAPE;
  gtk_print_operation_set_n_pages (operation, (int)renaksi_annex_layout_paginate (self->layout));
}

/* The decree's body pages, when printed with it, stand upright on paper
 * the annex lies on. */
static void
renaksi_print_operation_request_page_setup (GtkPrintOperation *operation,
                                            GtkPrintContext   *context,
                                            int                page_nr,
                                            GtkPageSetup      *setup)
{
  RenaksiPrintOperation *self = RENAKSI_PRINT_OPERATION (operation);

  if (!renaksi_annex_layout_is_annex_page (self->layout, (guint)page_nr))
    gtk_page_setup_set_orientation (setup, self->body_orientation);
}

static void
renaksi_print_operation_draw_page (GtkPrintOperation *operation,
                                   GtkPrintContext   *context,
                                   int                page_nr)
{
  RenaksiPrintOperation *self = RENAKSI_PRINT_OPERATION (operation);

  renaksi_annex_layout_draw_page (self->layout, gtk_print_context_get_cairo_context (context),
                                  (guint)page_nr);
}

static void
renaksi_print_operation_dispose (GObject *object)
{
  RenaksiPrintOperation *self = RENAKSI_PRINT_OPERATION (object);

  g_clear_object (&self->layout);

  G_OBJECT_CLASS (renaksi_print_operation_parent_class)->dispose (object);
}

static void
renaksi_print_operation_class_init (RenaksiPrintOperationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkPrintOperationClass *operation_class = GTK_PRINT_OPERATION_CLASS (klass);

  object_class->dispose = renaksi_print_operation_dispose;
  operation_class->begin_print = renaksi_print_operation_begin_print;
  operation_class->request_page_setup = renaksi_print_operation_request_page_setup;
  operation_class->draw_page = renaksi_print_operation_draw_page;
}

static void
renaksi_print_operation_init (RenaksiPrintOperation *self)
{
  g_autoptr(GtkPageSetup) setup = renaksi_print_operation_new_page_setup (RENAKSI_PAPER_F4);
  GtkPrintOperation *operation = GTK_PRINT_OPERATION (self);

  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_job_name (operation, _("Annex"));
}

RenaksiPrintOperation *
renaksi_print_operation_new (RenaksiPlan *plan)
{
  RenaksiPrintOperation *self;

  g_return_val_if_fail (RENAKSI_IS_PLAN (plan), NULL);

  self = g_object_new (RENAKSI_TYPE_PRINT_OPERATION, NULL);
  self->layout = renaksi_annex_layout_new (plan);

  return self;
}

/* Returns: (transfer none): the layout, to choose the copy or the
 * realisation variant before running the operation. */
RenaksiAnnexLayout *
renaksi_print_operation_get_layout (RenaksiPrintOperation *self)
{
  g_return_val_if_fail (RENAKSI_IS_PRINT_OPERATION (self), NULL);

  return self->layout;
}
