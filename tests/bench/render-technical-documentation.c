/* render-technical-documentation.c — the technical documentation's build and render, timed alone
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For tests/bench/technical-documentation.sh (docs/PERFORMANCE.md). Does
 * what `conformity-cli generate --kind technical-documentation` does
 * between opening the project and storing the PDF, phase by phase, timed
 * with the monotonic clock: reading the product (as the generator's
 * read_input() does), building the document model, rendering it to PDF,
 * and its plain text (which the generator stores beside the PDF). Nothing
 * is stored in the project.
 *
 * Usage: render-technical-documentation [--pdf FILE] [--html FILE] DB PRODUCT
 *   --pdf   also write the PDF there
 *   --html  also write the same model as HTML (cf_doc_model_to_html), for
 *           the comparison with LibreOffice; not timed
 *
 * Prints one "name value" line per figure, seconds for the phases.
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "cf-document-input.h"
#include "cf-generator.h"
#include "cf-pdf-renderer.h"
#include "cf-product-status.h"
#include "cf-technical-documentation.h"

static double
seconds_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
}

/* libharu writes every page object uncompressed as "/Type /Page". */
static guint
count_pages (GBytes *pdf)
{
  gsize size;
  const char *data = g_bytes_get_data (pdf, &size);
  const char *end = data + size;
  static const char needle[] = "/Type /Page";
  guint pages = 0;

  gsize n = strlen (needle);

  for (const char *p = data; p + n < end; p++)
    if (*p == '/' && memcmp (p, needle, n) == 0 && p[n] != 's')
      pages++;

  return pages;
}

static void
clear_input (CfDocumentInput *input)
{
  g_clear_pointer (&input->status, cf_product_status_free);
  g_clear_object (&input->manufacturer);
  g_clear_object (&input->info);
  g_clear_pointer (&input->risk_model, cf_risk_model_free);
  g_clear_pointer (&input->issued, g_date_time_unref);
}

static gboolean
write_file (const char  *path,
            const char  *data,
            gsize        size,
            GError     **error)
{
  return g_file_set_contents (path, data, size, error);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) options = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CfStore) store = NULL;
  g_autoptr(CfCatalogue) catalogue = NULL;
  g_autoptr(CfDocModel) model = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autofree char *pdf_path = NULL;
  g_autofree char *html_path = NULL;
  g_autofree char *text = NULL;
  CfDocumentInput input = { 0 };
  CfPdfOptions pdf_options = { FALSE };
  gboolean is_draft = FALSE;
  double t_open, t_read, t_build, t_render, t_text;
  gint64 start, all;
  char *end = NULL;
  const GOptionEntry entries[] = {
    { "pdf", 0, 0, G_OPTION_ARG_FILENAME, &pdf_path, "Also write the PDF to FILE", "FILE" },
    { "html", 0, 0, G_OPTION_ARG_FILENAME, &html_path, "Also write the model as HTML to FILE",
      "FILE" },
    G_OPTION_ENTRY_NULL
  };

  setlocale (LC_ALL, "");
  options = g_option_context_new ("DB PRODUCT — time the technical documentation");
  g_option_context_add_main_entries (options, entries, NULL);
  if (!g_option_context_parse (options, &argc, &argv, &error))
    {
      g_printerr ("render-technical-documentation: %s\n", error->message);
      return 2;
    }
  if (argc != 3)
    {
      g_printerr ("Usage: render-technical-documentation [--pdf FILE] [--html FILE] DB PRODUCT\n");
      return 2;
    }
  input.product_id = g_ascii_strtoll (argv[2], &end, 10);
  if (end == argv[2] || *end != '\0' || input.product_id <= 0)
    {
      g_printerr ("render-technical-documentation: “%s” is not a product id\n", argv[2]);
      return 2;
    }

  all = start = g_get_monotonic_time ();
  store = cf_store_open (argv[1], &error);
  catalogue = store ? cf_catalogue_load_default (&error) : NULL;
  if (catalogue == NULL)
    goto failed;
  t_open = seconds_since (start);

  /* As the generator's read_input(). */
  start = g_get_monotonic_time ();
  input.store = store;
  input.catalogue = catalogue;
  input.language = "en";
  input.version = cf_store_next_document_version (store, input.product_id,
                                                  CF_DOCUMENT_KIND_TECHNICAL_DOCUMENTATION, &error);
  if (input.version == 0)
    goto failed;
  input.status = cf_product_status_load (store, catalogue, input.product_id, NULL, &error);
  if (input.status == NULL)
    goto failed;
  input.manufacturer = cf_store_get_manufacturer (store, &error);
  if (error != NULL)
    goto failed;
  input.info = cf_store_get_declaration_info (store, input.product_id, &error);
  if (input.info == NULL)
    goto failed;
  input.risk_model = cf_risk_model_new (catalogue);
  input.issued = g_date_time_new_now_local ();
  t_read = seconds_since (start);

  start = g_get_monotonic_time ();
  model = cf_technical_documentation_build (&input, &is_draft, &error);
  if (model == NULL)
    goto failed;
  t_build = seconds_since (start);

  start = g_get_monotonic_time ();
  cf_doc_model_set_language (model, input.language);
  pdf = cf_pdf_render_full (model, &pdf_options, NULL, &error);
  if (pdf == NULL)
    goto failed;
  t_render = seconds_since (start);

  start = g_get_monotonic_time ();
  text = cf_doc_model_to_text (model);
  t_text = seconds_since (start);

  g_print ("open %.4f\n", t_open);
  g_print ("read %.4f\n", t_read);
  g_print ("build %.4f\n", t_build);
  g_print ("render %.4f\n", t_render);
  g_print ("text %.4f\n", t_text);
  g_print ("build_render %.4f\n", t_build + t_render);
  g_print ("total %.4f\n", seconds_since (all));
  g_print ("pages %u\n", count_pages (pdf));
  g_print ("pdf_bytes %" G_GSIZE_FORMAT "\n", g_bytes_get_size (pdf));
  g_print ("text_bytes %" G_GSIZE_FORMAT "\n", strlen (text));
  g_print ("blocks %u\n", cf_doc_model_get_n_blocks (model));
  g_print ("threats %u\n", input.status->threats ? input.status->threats->len : 0);
  g_print ("evidence %u\n", input.status->evidence ? input.status->evidence->len : 0);
  g_print ("draft %d\n", is_draft);

  if (pdf_path != NULL &&
      !write_file (pdf_path, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), &error))
    goto failed;
  if (html_path != NULL)
    {
      g_autofree char *html = cf_doc_model_to_html (model);

      if (!write_file (html_path, html, strlen (html), &error))
        goto failed;
    }

  clear_input (&input);
  return 0;

failed:
  g_printerr ("render-technical-documentation: %s\n", error ? error->message : "failed");
  clear_input (&input);
  return 1;
}
