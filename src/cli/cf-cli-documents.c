/* cf-cli-documents.c — generate, documents, document show, document save
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cf-cli"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>

#include "cf-declaration.h"
#include "cf-error.h"
#include "cf-generator.h"
#include "cf-product-status.h"
#include "cf-text-diff.h"
#include "cf-cli-private.h"

/* The kinds `generate --kind` accepts, for messages and --help. */
static char *
dup_kind_list (void)
{
  return g_strjoinv (", ", (GStrv) cf_document_kind_list ());
}

static void
print_document (CfDocumentInfo *document)
{
  g_autoptr(CfCliTable) table = cf_cli_table_new_key_value ();
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, cf_document_info_get_id (document));
  g_autofree char *product = g_strdup_printf ("%" G_GINT64_FORMAT,
                                              cf_document_info_get_product_id (document));
  g_autofree char *version = g_strdup_printf ("%d", cf_document_info_get_version (document));
  g_autofree char *size = g_format_size (cf_document_info_get_size (document));
  g_autofree char *size_text = g_strdup_printf (_("%s (%" PRId64 " bytes)"), size,
                                                cf_document_info_get_size (document));

  cf_cli_table_add_pair (table, _("Id"), id);
  cf_cli_table_add_pair (table, _("Product"), product);
  cf_cli_table_add_pair (table, _("Kind"), cf_document_info_get_kind_label (document));
  cf_cli_table_add_pair (table, _("Version"), version);
  cf_cli_table_add_pair (table, _("Draft"),
                         cf_document_info_get_is_draft (document) ? _("yes") : _("no"));
  cf_cli_table_add_pair (table, _("Language"), cf_document_language_get_label (cf_document_info_get_language (document)));
  cf_cli_table_add_pair (table, _("PDF/A-1b"), cf_document_info_get_is_pdfa (document) ? _("yes") : _("no"));
  cf_cli_table_add_pair (table, _("Created"), cf_document_info_get_created_at (document));
  cf_cli_table_add_pair (table, _("Created by"), cf_document_info_get_created_by (document));
  cf_cli_table_add_pair (table, _("Size"), size_text);
  cf_cli_table_add_pair (table, _("SHA-256"), cf_document_info_get_sha256 (document));
  cf_cli_table_print (table);
}

/* One line on stderr: the document is stored and the command succeeds, but
 * whoever runs it must not take a draft for the final declaration. */
static void
note_draft (CfStore        *store,
            CfDocumentInfo *document)
{
  g_autoptr(CfCatalogue) catalogue = cf_catalogue_load_default (NULL);
  g_autoptr(GString) list = g_string_new (NULL);
  g_auto(GStrv) missing = NULL;

  if (catalogue != NULL)
    missing = cf_declaration_check (store, catalogue, cf_document_info_get_product_id (document), NULL);

  for (guint i = 0; missing != NULL && missing[i] != NULL; i++)
    g_string_append_printf (list, "%s%s", i > 0 ? "; " : "",
                            cf_declaration_describe_missing (missing[i]));

  /* Translators: the second %s is a kind of document, e.g. “EU Declaration of Conformity”. */
  cf_cli_printerr (_("%s: note: %s version %d is a draft; missing: %s.\n"), CF_CLI_NAME,
                   cf_document_info_get_kind_label (document),
                   cf_document_info_get_version (document),
                   list->len > 0 ? list->str : "—");
}

int
cf_cli_generate (CfCliContext        *ctx,
                 const CfCliCommand  *command,
                 int                  argc,
                 char               **argv)
{
  g_autoptr(CfCatalogue) catalogue = NULL;
  g_autoptr(CfGenerator) generator = NULL;
  g_autoptr(CfDocumentInfo) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *kind = NULL;
  g_autofree char *out = NULL;
  g_autofree char *lang = NULL;
  g_autofree char *kinds = dup_kind_list ();
  g_autofree char *description = NULL;
  gboolean json = FALSE;
  gboolean pdfa = FALSE;
  CfGenerateOptions options = { NULL, FALSE };
  const GOptionEntry entries[] = {
    { "kind", 0, 0, G_OPTION_ARG_FILENAME, &kind, N_("The kind of document (required; see below)"),
      N_("KIND") },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &lang, N_("The document’s language: en (default), de or fr"),
      N_("LANG") },
    { "pdfa", 0, 0, G_OPTION_ARG_NONE, &pdfa, N_("Produce PDF/A-1b, for archiving (see docs/PDF.md)"), NULL },
    { "out", 0, 0, G_OPTION_ARG_FILENAME, &out, N_("Also write the PDF to this file"), N_("FILE") },
    CF_CLI_JSON_ENTRY (json),
    G_OPTION_ENTRY_NULL
  };
  CfStore *store;
  gint64 id;
  int status;

  description = g_strdup_printf (_("Builds the document from what is recorded now, stores the PDF "
                                   "with its SHA-256 as the next version, and prints the new "
                                   "document’s id alone (or the document with --json). While "
                                   "something is missing the document is a draft: it is stored, "
                                   "and a note on stderr says what is missing.\n"
                                   "\n"
                                   "Kinds: %s\n"
                                   "\n"
                                   "The language is that of the document, whatever the "
                                   "language of the command line. The regulation’s fixed statements "
                                   "are in its official wording for that language where "
                                   "Conformity’s catalogue holds it, and otherwise in English, "
                                   "which the document then says.\n"
                                   "\n"
                                   "Example:\n"
                                   "  %s generate 1 --kind declaration --lang de --out erklaerung.pdf\n"),
                                 kinds, CF_CLI_NAME);

  if (!cf_cli_parse_command (command, _("ID"), description, entries, NULL, &argc, &argv, &status))
    return status;

  if (!cf_cli_check_arguments (argc, argv, 1, 1, _("Which product? Give its id."), &error) ||
      !cf_cli_parse_id (argv[1], &id, &error))
    return cf_cli_report (command->path, error);

  if (kind == NULL)
    return cf_cli_usage_error (command->path, _("--kind is required (one of: %s)."), kinds);

  if (!cf_document_kind_is_known (kind))
    {
      g_autofree char *shown = g_utf8_make_valid (kind, -1);

      return cf_cli_usage_error (command->path,
                                 _("“%s” is not a kind of document Conformity generates "
                                   "(known: %s)."),
                                 shown, kinds);
    }

  if (lang != NULL && !cf_document_language_is_known (lang))
    {
      g_autofree char *shown = g_utf8_make_valid (lang, -1);

      return cf_cli_usage_error (command->path, _("“%s” is not a language Conformity writes documents in "
                                                  "(known: en, de, fr)."), shown);
    }
  options.language = lang;
  options.pdfa = pdfa;

  /* Before generating: a bad --out must leave nothing stored. */
  if (out != NULL && !cf_cli_check_output_file (out, &error))
    return cf_cli_report (command->path, error);

  if (!cf_cli_open_store (ctx, CF_CLI_OPEN_EXISTING, &store, &error))
    return cf_cli_report (command->path, error);

  if (store == NULL)
    {
      cf_cli_set_no_product (ctx, id, &error);
      return cf_cli_report (command->path, error);
    }

  catalogue = cf_catalogue_load_default (&error);
  if (catalogue == NULL)
    return cf_cli_report (command->path, error);

  generator = cf_generator_new (store, catalogue);
  document = cf_generator_generate_with (generator, id, kind, &options, NULL, &error);
  if (document == NULL)
    return cf_cli_report (command->path, error);

  if (out != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_path (out);

      if (!cf_store_save_document (store, cf_document_info_get_id (document), file, NULL, &error))
        {
          cf_cli_printerr (_("%s: Document %" PRId64 " was generated and stored, but "
                             "not written to a file: %s\n"),
                           CF_CLI_NAME, cf_document_info_get_id (document), error->message);
          return CF_CLI_EXIT_FAILURE;
        }
    }

  if (cf_document_info_get_is_draft (document))
    note_draft (store, document);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      cf_cli_json_add_document (builder, document);
      cf_cli_json_print (builder);
    }
  else
    cf_cli_print ("%" G_GINT64_FORMAT "\n", cf_document_info_get_id (document));

  return CF_CLI_EXIT_OK;
}

int
cf_cli_documents (CfCliContext        *ctx,
                  const CfCliCommand  *command,
                  int                  argc,
                  char               **argv)
{
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  gboolean json = FALSE;
  const GOptionEntry entries[] = { CF_CLI_JSON_ENTRY (json), G_OPTION_ENTRY_NULL };
  CfStore *store;
  gint64 id;
  int status;

  description = g_strdup_printf (_("Lists the documents generated for the product, newest first, "
                                   "with the SHA-256 each was stored with.\n"
                                   "\n"
                                   "Example:\n"
                                   "  %s documents 1 --json\n"),
                                 CF_CLI_NAME);

  if (!cf_cli_parse_command (command, _("ID"), description, entries, NULL, &argc, &argv, &status))
    return status;

  if (!cf_cli_check_arguments (argc, argv, 1, 1, _("Which product? Give its id."), &error) ||
      !cf_cli_parse_id (argv[1], &id, &error))
    return cf_cli_report (command->path, error);

  if (!cf_cli_open_store (ctx, CF_CLI_OPEN_EXISTING, &store, &error))
    return cf_cli_report (command->path, error);

  if (store == NULL)
    cf_cli_set_no_product (ctx, id, &error);
  else
    documents = cf_store_list_documents (store, id, &error);

  if (documents == NULL)
    return cf_cli_report (command->path, error);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < documents->len; i++)
        cf_cli_json_add_document (builder, g_ptr_array_index (documents, i));
      json_builder_end_array (builder);
      cf_cli_json_print (builder);
    }
  else if (documents->len == 0)
    {
      cf_cli_print (_("No documents for product %" PRId64 " yet. Generate one with "
                      "“%s generate %" PRId64 " --kind declaration”.\n"),
                    id, CF_CLI_NAME, id);
    }
  else
    {
      g_autoptr(CfCliTable) table = cf_cli_table_new (7);

      cf_cli_table_add_row (table, (const char *[]) {
                              _("ID"), _("KIND"), _("VERSION"), _("CREATED"), _("SIZE"),
                              _("DRAFT"), _("SHA-256") });

      for (guint i = 0; i < documents->len; i++)
        {
          CfDocumentInfo *document = g_ptr_array_index (documents, i);
          g_autofree char *doc_id = g_strdup_printf ("%" G_GINT64_FORMAT,
                                                     cf_document_info_get_id (document));
          g_autofree char *version = g_strdup_printf ("%d",
                                                      cf_document_info_get_version (document));
          g_autofree char *size = g_format_size (cf_document_info_get_size (document));

          cf_cli_table_add_row (table, (const char *[]) {
                                  doc_id,
                                  cf_document_info_get_kind (document),
                                  version,
                                  cf_document_info_get_created_at (document),
                                  size,
                                  cf_document_info_get_is_draft (document) ? _("yes") : _("no"),
                                  cf_document_info_get_sha256 (document) });
        }

      cf_cli_table_print (table);
    }

  return CF_CLI_EXIT_OK;
}

static CfDocumentInfo *
load_document (CfCliContext  *ctx,
               gint64         document_id,
               CfStore      **store,
               GError       **error)
{
  if (!cf_cli_open_store (ctx, CF_CLI_OPEN_EXISTING, store, error))
    return NULL;

  if (*store == NULL)
    {
      cf_cli_set_no_document (ctx, document_id, error);
      return NULL;
    }

  return cf_store_get_document (*store, document_id, error);
}

int
cf_cli_document_show (CfCliContext        *ctx,
                      const CfCliCommand  *command,
                      int                  argc,
                      char               **argv)
{
  g_autoptr(CfDocumentInfo) document = NULL;
  g_autoptr(GError) error = NULL;
  gboolean json = FALSE;
  const GOptionEntry entries[] = { CF_CLI_JSON_ENTRY (json), G_OPTION_ENTRY_NULL };
  CfStore *store;
  gint64 id;
  int status;

  if (!cf_cli_parse_command (command, _("DOCUMENT_ID"), NULL, entries, NULL, &argc, &argv, &status))
    return status;

  if (!cf_cli_check_arguments (argc, argv, 1, 1, _("Which document? Give its id."), &error) ||
      !cf_cli_parse_id (argv[1], &id, &error))
    return cf_cli_report (command->path, error);

  document = load_document (ctx, id, &store, &error);
  if (document == NULL)
    return cf_cli_report (command->path, error);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      cf_cli_json_add_document (builder, document);
      cf_cli_json_print (builder);
    }
  else
    print_document (document);

  return CF_CLI_EXIT_OK;
}

int
cf_cli_document_save (CfCliContext        *ctx,
                      const CfCliCommand  *command,
                      int                  argc,
                      char               **argv)
{
  g_autoptr(CfDocumentInfo) document = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *description = NULL;
  const GOptionEntry entries[] = {
    { "out", 0, 0, G_OPTION_ARG_FILENAME, &out, N_("The file to write (required)"), N_("FILE") },
    G_OPTION_ENTRY_NULL
  };
  CfStore *store;
  gint64 id;
  int status;

  description = g_strdup_printf (_("Writes the document exactly as it was stored, after checking "
                                   "it against its SHA-256. The file appears only once it is "
                                   "complete; an existing file is replaced.\n"
                                   "\n"
                                   "Example:\n"
                                   "  %s document save 3 --out declaration-v2.pdf\n"),
                                 CF_CLI_NAME);

  if (!cf_cli_parse_command (command, _("DOCUMENT_ID"), description, entries, NULL,
                             &argc, &argv, &status))
    return status;

  if (!cf_cli_check_arguments (argc, argv, 1, 1, _("Which document? Give its id."), &error) ||
      !cf_cli_parse_id (argv[1], &id, &error))
    return cf_cli_report (command->path, error);

  if (out == NULL)
    return cf_cli_usage_error (command->path, "%s", _("--out is required."));

  if (!cf_cli_check_output_file (out, &error))
    return cf_cli_report (command->path, error);

  document = load_document (ctx, id, &store, &error);
  if (document == NULL)
    return cf_cli_report (command->path, error);

  file = g_file_new_for_path (out);
  if (!cf_store_save_document (store, id, file, NULL, &error))
    return cf_cli_report (command->path, error);

  return CF_CLI_EXIT_OK;
}

/* The version of the same kind just before @document, or NULL. */
static CfDocumentInfo *
find_previous (CfStore         *store,
               CfDocumentInfo  *document,
               GError         **error)
{
  g_autoptr(GPtrArray) documents = NULL;
  CfDocumentInfo *previous = NULL;

  documents = cf_store_list_documents (store, cf_document_info_get_product_id (document), error);
  if (documents == NULL)
    return NULL;

  for (guint i = 0; i < documents->len; i++)
    {
      CfDocumentInfo *other = g_ptr_array_index (documents, i);

      if (g_strcmp0 (cf_document_info_get_kind (other), cf_document_info_get_kind (document)) == 0 &&
          cf_document_info_get_version (other) < cf_document_info_get_version (document) &&
          (previous == NULL || cf_document_info_get_version (other) > cf_document_info_get_version (previous)))
        previous = other;
    }

  if (previous == NULL)
    {
      g_set_error (error, CF_ERROR, CF_ERROR_NOT_FOUND,
                   _("Document %" PRId64 " is the first version of its kind: there is nothing before it to "
                     "compare with."),
                   cf_document_info_get_id (document));
      return NULL;
    }

  return g_object_ref (previous);
}

static char *
label_for (CfDocumentInfo *document)
{
  return g_strdup_printf ("%s v%d (%s, %s)", cf_document_info_get_kind (document),
                          cf_document_info_get_version (document), cf_document_info_get_language (document),
                          cf_document_info_get_created_at (document));
}

int
cf_cli_document_diff (CfCliContext        *ctx,
                      const CfCliCommand  *command,
                      int                  argc,
                      char               **argv)
{
  g_autoptr(CfDocumentInfo) newer = NULL;
  g_autoptr(CfDocumentInfo) older = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *old_text = NULL;
  g_autofree char *new_text = NULL;
  g_autofree char *old_label = NULL;
  g_autofree char *new_label = NULL;
  g_autofree char *diff = NULL;
  g_autofree char *description = NULL;
  const GOptionEntry entries[] = { G_OPTION_ENTRY_NULL };
  CfStore *store;
  gint64 id, other_id = 0;
  int status;

  description = g_strdup_printf (_("Shows how the text of a stored document differs from another version "
                                   "(by default, the version of the same kind just before it), as a "
                                   "unified diff. Prints nothing when the texts are the same.\n"
                                   "\n"
                                   "Example:\n"
                                   "  %s document diff 7\n"
                                   "  %s document diff 7 3\n"),
                                 CF_CLI_NAME, CF_CLI_NAME);

  if (!cf_cli_parse_command (command, _("DOCUMENT_ID [OTHER_DOCUMENT_ID]"), description, entries, NULL,
                             &argc, &argv, &status))
    return status;

  if (!cf_cli_check_arguments (argc, argv, 1, 2, _("Which document? Give its id."), &error) ||
      !cf_cli_parse_id (argv[1], &id, &error) ||
      (argc > 2 && !cf_cli_parse_id (argv[2], &other_id, &error)))
    return cf_cli_report (command->path, error);

  newer = load_document (ctx, id, &store, &error);
  if (newer == NULL)
    return cf_cli_report (command->path, error);

  older = other_id != 0 ? cf_store_get_document (store, other_id, &error) : find_previous (store, newer, &error);
  if (older == NULL)
    return cf_cli_report (command->path, error);

  /* Compare in the order they were made, whichever was named first. */
  if (cf_document_info_get_id (older) > cf_document_info_get_id (newer))
    {
      CfDocumentInfo *swap = older;

      older = newer;
      newer = swap;
    }

  old_text = cf_store_get_document_text (store, cf_document_info_get_id (older), &error);
  if (error == NULL)
    new_text = cf_store_get_document_text (store, cf_document_info_get_id (newer), &error);
  if (error != NULL)
    return cf_cli_report (command->path, error);
  if (old_text == NULL || new_text == NULL)
    {
      g_set_error (&error, CF_ERROR, CF_ERROR_NOT_FOUND,
                   _("Document %" PRId64 " was stored before Conformity kept the text of documents, so it "
                     "cannot be compared."),
                   cf_document_info_get_id (old_text == NULL ? older : newer));
      return cf_cli_report (command->path, error);
    }

  old_label = label_for (older);
  new_label = label_for (newer);
  diff = cf_text_diff_unified (old_text, new_text, old_label, new_label, 3);
  cf_cli_print ("%s", diff);

  return CF_CLI_EXIT_OK;
}
