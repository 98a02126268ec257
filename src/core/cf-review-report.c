/* cf-review-report.c — the review report: which dossier, what was found
 *
 * The report is the reviewer's own document, written in the language of
 * the reviewer's desktop (gettext), unlike the manufacturer's documents,
 * whose language is chosen per document.
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cf-review"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cf-category.h"
#include "cf-doc-helpers.h"
#include "cf-pdf-renderer.h"
#include "cf-procedure.h"
#include "cf-review-report.h"
#include "cf-review.h"

static const char *
category_label (const char *id)
{
  CfCategory category;

  if (id != NULL && cf_category_from_id (id, &category))
    return cf_category_get_label (category);

  return id;
}

static char *
procedures_label (const char * const *ids)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      CfProcedure procedure;

      g_ptr_array_add (labels, (gpointer) (cf_procedure_from_id (ids[i], &procedure)
                                           ? cf_procedure_get_label (procedure) : ids[i]));
    }
  g_ptr_array_add (labels, NULL);

  return g_strjoinv ("; ", (char **) labels->pdata);
}

static void
add_identification (CfDocModel        *model,
                    CfReview          *review,
                    CfAssessmentData  *data)
{
  CfDocBlock *block;
  CfProcedure procedure;
  g_autofree char *open = data != NULL ? procedures_label ((const char * const *) data->procedures) : NULL;

  cf_doc_model_add_heading (model, 1, _("The dossier reviewed"));
  block = cf_doc_model_add_block (model, CF_DOC_BLOCK_KEY_VALUE);
  cf_doc_add_kv (block, _("Product"), review->product_name, NULL);
  if (data != NULL)
    {
      cf_doc_add_kv (block, _("Model"), data->product_model, NULL);
      cf_doc_add_kv (block, _("Version"), data->product_version, NULL);
    }
  cf_doc_add_kv (block, _("Manufacturer"), review->manufacturer_name, NULL);
  cf_doc_add_kv (block, _("Category"), category_label (review->category), NULL);
  cf_doc_add_kv (block, _("Procedure in the declaration"),
                      review->procedure != NULL && cf_procedure_from_id (review->procedure, &procedure)
                      ? cf_procedure_get_label (procedure) : review->procedure, NULL);
  if (open != NULL && *open != '\0')
    cf_doc_add_kv (block, _("Procedures open under Article 32"), open, NULL);
  if (data != NULL)
    cf_doc_add_kv (block, _("Exported"), data->exported_at, NULL);

  cf_doc_model_add_heading (model, 2, _("Integrity"));
  block = cf_doc_model_add_block (model, CF_DOC_BLOCK_PARAGRAPH);
  cf_doc_block_add_run (block, CF_DOC_STYLE_NORMAL,
                        _("Every member of the dossier was checked against its manifest before "
                          "the review began, and found intact. The SHA-256 of the manifest, the "
                          "dossier’s seal, is: "));
  cf_doc_block_add_run (block, CF_DOC_STYLE_CODE, review->seal);
  block = cf_doc_model_add_block (model, CF_DOC_BLOCK_PARAGRAPH);
  if (review->signer != NULL)
    {
      cf_doc_block_add_run (block, CF_DOC_STYLE_NORMAL,
                            _("The manifest carries a valid OpenPGP signature by "));
      cf_doc_block_add_run (block, CF_DOC_STYLE_BOLD, review->signer);
      cf_doc_block_add_run (block, CF_DOC_STYLE_NORMAL, ".");
    }
  else
    cf_doc_block_add_run (block, CF_DOC_STYLE_NORMAL,
                          _("The manifest is not signed; compare the seal with the one the "
                            "manufacturer communicated separately."));
}

static void
add_summary (CfDocModel *model,
             GPtrArray  *findings)
{
  const char * const *severities = cf_finding_severity_list ();
  static const double widths[] = { 3, 1 };
  CfDocBlock *table;

  cf_doc_model_add_heading (model, 1, _("Summary"));
  if (findings->len == 0)
    {
      cf_doc_add_paragraph (model, _("No findings have been recorded."));
      return;
    }

  table = cf_doc_model_add_table (model, 2, widths);
  cf_doc_table_add_header_cell (table, _("Severity"));
  cf_doc_table_add_header_cell (table, _("Findings"));
  for (guint s = 0; severities[s] != NULL; s++)
    {
      guint n = 0;
      g_autofree char *count = NULL;

      for (guint i = 0; i < findings->len; i++)
        n += g_str_equal (((CfFinding *) g_ptr_array_index (findings, i))->severity, severities[s]);

      count = g_strdup_printf ("%u", n);
      cf_doc_table_add_row (table);
      cf_doc_row_add_run (cf_doc_table_add_cell (table), CF_DOC_STYLE_NORMAL,
                          cf_finding_severity_get_label (severities[s]));
      cf_doc_row_add_run (cf_doc_table_add_cell (table), CF_DOC_STYLE_NORMAL, count);
    }
}

static void
add_findings (CfDocModel   *model,
              CfReview     *review,
              CfCatalogue  *catalogue,
              GPtrArray    *findings)
{
  cf_doc_model_add_heading (model, 1, _("Findings"));
  if (findings->len == 0)
    {
      cf_doc_add_paragraph (model, _("No findings have been recorded."));
      return;
    }

  for (guint i = 0; i < findings->len; i++)
    {
      CfFinding *finding = g_ptr_array_index (findings, i);
      g_autofree char *label = cf_finding_dup_label (finding);
      g_autofree char *target = cf_finding_dup_target_label (finding, catalogue);
      g_autofree char *heading = g_strdup_printf ("%s — %s", label, target);
      CfDocBlock *block;

      cf_doc_model_add_heading (model, 2, heading);
      block = cf_doc_model_add_block (model, CF_DOC_BLOCK_KEY_VALUE);
      cf_doc_add_kv (block, _("Severity"), cf_finding_severity_get_label (finding->severity), NULL);
      cf_doc_add_kv (block, g_str_equal (finding->target_kind, CF_FINDING_TARGET_REQUIREMENT)
                                 ? _("Requirement") : _("Document"), finding->target, NULL);
      cf_doc_add_kv (block, _("Recorded"), finding->recorded_at, NULL);
      cf_doc_add_kv (block, _("By"), finding->recorded_by, NULL);

      if (g_str_equal (finding->target_kind, CF_FINDING_TARGET_REQUIREMENT))
        {
          CfCatalogueItem *item = cf_catalogue_lookup (catalogue, finding->target);

          if (item != NULL && cf_catalogue_item_get_text (item) != NULL)
            {
              block = cf_doc_model_add_block (model, CF_DOC_BLOCK_PARAGRAPH);
              cf_doc_block_add_run (block, CF_DOC_STYLE_QUOTE, cf_catalogue_item_get_text (item));
            }
        }

      if (finding->text != NULL && *finding->text != '\0')
        cf_doc_add_paragraph (model, finding->text);
    }
}

static void
add_members (CfDocModel *model,
             GPtrArray  *members)
{
  static const double widths[] = { 5, 1.3, 3.4 };
  CfDocBlock *table;

  cf_doc_model_add_heading (model, 1, _("Members examined"));
  table = cf_doc_model_add_table (model, 3, widths);
  cf_doc_table_add_header_cell (table, _("Member"));
  cf_doc_table_add_header_cell (table, _("Size"));
  cf_doc_table_add_header_cell (table, _("SHA-256"));
  for (guint i = 0; i < members->len; i++)
    {
      CfDossierMember *member = g_ptr_array_index (members, i);
      g_autofree char *size = g_format_size (member->size);

      cf_doc_table_add_row (table);
      cf_doc_row_add_run (cf_doc_table_add_cell (table), CF_DOC_STYLE_CODE, member->path);
      cf_doc_row_add_run (cf_doc_table_add_cell (table), CF_DOC_STYLE_NORMAL, size);
      cf_doc_row_add_run (cf_doc_table_add_cell (table), CF_DOC_STYLE_CODE, member->sha256);
    }
}

/**
 * cf_review_report_build:
 *
 * Returns: (transfer full): the review report of @review_id
 */
CfDocModel *
cf_review_report_build (CfStore      *store,
                        CfCatalogue  *catalogue,
                        gint64        review_id,
                        GError      **error)
{
  g_autoptr(CfReview) review = NULL;
  g_autoptr(CfAssessmentData) data = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(CfDocModel) model = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GError) local_error = NULL;
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *short_seal = NULL;
  g_autofree char *right = NULL;
  g_autofree char *footer = NULL;
  const char *title = _("Review Report");
  CfDocBlock *block;

  review = cf_store_get_review (store, review_id, error);
  if (review == NULL)
    return NULL;

  findings = cf_store_list_review_findings (store, review_id, error);
  if (findings == NULL)
    return NULL;

  members = cf_review_list_members (review, NULL, error);
  if (members == NULL)
    return NULL;

  data = cf_review_load_assessment (review, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  short_seal = g_strndup (review->seal, 12);
  model = cf_doc_model_new (title);
  cf_doc_model_set_created (model, now);
  cf_doc_model_set_author (model, cf_store_get_actor (store));
  cf_doc_model_set_subject (model, review->product_name);
  cf_doc_model_set_keywords (model, "Regulation (EU) 2024/2847, Cyber Resilience Act, review");
  right = g_strdup_printf ("%s · %s", title, short_seal);
  cf_doc_model_set_running_head_parts (model, review->product_name, right);
  footer = g_strdup_printf (_("Generated by %s %s on %s"), PACKAGE_NAME, PACKAGE_VERSION, date);
  cf_doc_model_set_footer (model, footer);
  cf_doc_model_set_page_label_format (model, _("Page {page} of {pages}"));
  cf_doc_model_set_numbered_headings (model, TRUE);

  cf_doc_model_add_text (model, CF_DOC_BLOCK_TITLE, title);
  cf_doc_model_add_text (model, CF_DOC_BLOCK_SUBTITLE,
                         _("Review of a technical dossier under Regulation (EU) 2024/2847"));

  block = cf_doc_model_add_block (model, CF_DOC_BLOCK_KEY_VALUE);
  cf_doc_add_kv (block, _("Reviewer"), cf_store_get_actor (store), NULL);
  cf_doc_add_kv (block, _("Date"), date, NULL);
  cf_doc_add_kv (block, _("Review opened"), review->opened_at, NULL);

  add_identification (model, review, data);
  add_summary (model, findings);
  add_findings (model, review, catalogue, findings);
  add_members (model, members);

  cf_doc_model_add_heading (model, 1, _("Signature"));
  block = cf_doc_model_add_block (model, CF_DOC_BLOCK_SIGNATURE);
  cf_doc_block_add_row (block, _("Place and date"));
  cf_doc_block_add_row (block, _("Name and function"));
  cf_doc_block_add_row (block, _("Signature"));

  return g_steal_pointer (&model);
}

/**
 * cf_review_report_render:
 *
 * Returns: (transfer full): the review report as a PDF
 */
GBytes *
cf_review_report_render (CfStore       *store,
                         CfCatalogue   *catalogue,
                         gint64         review_id,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_autoptr(CfDocModel) model = cf_review_report_build (store, catalogue, review_id, error);

  if (model == NULL)
    return NULL;

  return cf_pdf_render (model, cancellable, error);
}
