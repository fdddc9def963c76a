/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The evidence checklist PDF, read back with poppler: every indicator is
 * there in plan order, items with their number, date, kind and status,
 * and an indicator without evidence says so.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <poppler.h>
#include <string.h>

#include "renaksi-evidence-checklist.h"
#include "renaksi-evidence-store.h"
#include "renaksi-node-path.h"
#include "test-util.h"
#include "test-util-pdf.h"

static gint64
add (RenaksiPlan *plan,
     const char  *path,
     const char  *file_path)
{
  RenaksiNode *indicator = renaksi_node_path_lookup (renaksi_plan_get_areas (plan), path);
  g_autoptr(GFile) file = g_file_new_for_path (file_path);
  g_autoptr(GError) error = NULL;
  gint64 id = 0;

  g_assert_nonnull (indicator);
  renaksi_evidence_store_add_file (plan, renaksi_node_get_id (indicator), file,
                                   NULL, NULL, NULL, &id, NULL, &error);
  g_assert_no_error (error);
  return id;
}

static guint
count (const char *haystack,
       const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

static void
test_checklist_contents (void)
{
  g_autofree char *dir = test_util_make_dir ();
  g_autofree char *plan_path = test_util_default_plan (dir, "plan.renaksi");
  g_autofree char *doc_a = g_build_filename (dir, "sk.pdf", NULL);
  g_autofree char *doc_b = g_build_filename (dir, "notulen.pdf", NULL);
  g_autofree char *out = g_build_filename (dir, "checklist.pdf", NULL);
  g_autofree char *uri = NULL;
  g_autoptr(RenaksiPlan) plan = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_auto(RenaksiEvidenceDetails) details = { 0, };
  g_autoptr(GError) error = NULL;
  PopplerDocument *document;
  guint complete = 0, total = 0, n_pages;
  gint64 id_a, id_b;

  g_assert_true (g_file_set_contents (doc_a, "%PDF-1.4 a", -1, NULL));
  g_assert_true (g_file_set_contents (doc_b, "%PDF-1.4 b", -1, NULL));
  plan = renaksi_plan_open (plan_path, RENAKSI_DB_READ_WRITE, &error);
  g_assert_no_error (error);

  id_a = add (plan, "1.1.1.1", doc_a);
  id_b = add (plan, "1.1.1.1", doc_b);
  details.title = g_strdup ("SK Tim Reformasi Birokrasi 2024");
  details.doc_number = g_strdup ("12/HK.03/2024");
  details.doc_date = g_strdup ("2024-01-02");
  details.kind = RENAKSI_EVIDENCE_KIND_SK;
  details.notes = g_strdup ("");
  g_assert_true (renaksi_evidence_store_set_details (plan, id_a, &details, &error));
  g_assert_true (renaksi_evidence_store_set_status (plan, id_a, RENAKSI_REVIEW_ACCEPTED, "", "Ani", &error));
  g_assert_true (renaksi_evidence_store_set_status (plan, id_b, RENAKSI_REVIEW_NEEDS_FIXING, "", "Ani", &error));
  g_assert_no_error (error);

  g_assert_true (renaksi_evidence_checklist_write_pdf (plan, RENAKSI_PAPER_A4, 9, out, &error));
  g_assert_no_error (error);
  /* The type size is the person's: 11 pt takes more pages than 9. */
  {
    g_autofree char *large = g_build_filename (dir, "checklist-11.pdf", NULL);
    g_autoptr(RenaksiTableLayout) nine = renaksi_evidence_checklist_new (plan, RENAKSI_PAPER_A4, 9, &error);
    g_autoptr(RenaksiTableLayout) eleven = renaksi_evidence_checklist_new (plan, RENAKSI_PAPER_A4, 11, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (renaksi_table_layout_paginate (eleven), >, renaksi_table_layout_paginate (nine));
    g_assert_true (renaksi_evidence_checklist_write_pdf (plan, RENAKSI_PAPER_A4, 11, large, &error));
    g_assert_no_error (error);
    g_unlink (large);
  }

  uri = g_filename_to_uri (out, NULL, NULL);
  document = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  n_pages = (guint)poppler_document_get_n_pages (document);
  g_assert_cmpuint (n_pages, >, 1);
  for (guint i = 0; i < n_pages; i++)
    {
      PopplerPage *page = poppler_document_get_page (document, (int)i);
      g_autofree char *page_text = poppler_page_get_text (page);
      double width, height;

      poppler_page_get_size (page, &width, &height);
      /* A4 portrait. */
      g_assert_cmpfloat (fabs (width - 595.3), <, 1);
      g_assert_cmpfloat (fabs (height - 841.9), <, 1);
      if (i > 0)
        {
          /* "- n -" at the top, above the 2 cm margin. */
          PopplerRectangle top = { 0, 0, width, 20 * 72 / 25.4 };
          g_autofree char *number = g_strdup_printf ("-%u-", i + 1);
          g_autofree char *header = poppler_page_get_text_for_area (page, &top);
          g_auto(GStrv) lines = g_strsplit (header, "\n", 2);
          g_autoptr(GString) first = g_string_new (NULL);

          /* poppler drops the narrow spaces of "- n -". */
          for (const char *p = lines[0]; *p != '\0'; p++)
            if (*p != ' ')
              g_string_append_c (first, *p);
          g_assert_cmpstr (first->str, ==, number);
        }
      g_string_append (text, page_text);
      g_string_append_c (text, '\n');
      g_object_unref (page);
    }
  /* The seed's italics, in the indicator's own bold. */
  {
    g_autofree char *italic = test_util_pdf_italic_text (document);

    g_assert_cmpstr (italic, ==, "rewardandpunishment");
  }
  g_object_unref (document);
  /* Cells wrap: compare text across line breaks. */
  g_strdelimit (text->str, "\n", ' ');

  g_assert_nonnull (strstr (text->str, "DAFTAR PERIKSA BUKTI DUKUNG"));
  g_assert_nonnull (strstr (text->str, "SK Tim Reformasi Birokrasi 2024"));
  {
    g_autoptr(GString) compact = g_string_new (NULL);

    /* A narrow column may break a number; it is still the number. */
    for (const char *p = text->str; *p != '\0'; p++)
      if (!g_ascii_isspace (*p))
        g_string_append_c (compact, *p);
    g_assert_nonnull (strstr (compact->str, "12/HK.03/2024"));
  }
  g_assert_nonnull (strstr (text->str, "2 Januari 2024"));
  g_assert_nonnull (strstr (text->str, "Diterima"));
  g_assert_nonnull (strstr (text->str, "Perlu perbaikan"));

  /* Every indicator without evidence stands out, once. */
  {
    g_autoptr(GListModel) areas = g_object_ref (renaksi_plan_get_areas (plan));

    for (guint i = 0; i < g_list_model_get_n_items (areas); i++)
      {
        g_autoptr(RenaksiNode) area = g_list_model_get_item (areas, i);
        guint c = 0, t = 0;

        renaksi_evidence_store_get_state (plan, area, &c, &t);
        complete += c;
        total += t;
      }
  }
  g_assert_cmpuint (complete, ==, 1);
  g_assert_cmpuint (count (text->str, "BELUM ADA BUKTI DUKUNG"), ==, total - 1);
  {
    g_autofree char *summary = g_strdup_printf ("diterima: 1 dari %u", total);

    g_assert_nonnull (strstr (text->str, summary));
  }

  test_util_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/evidence/checklist/contents", test_checklist_contents);

  return g_test_run ();
}
