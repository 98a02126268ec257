/* cf-cli-common.c — parsing arguments, opening the store, reporting errors
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cf-cli"

#include "config.h"

#include <inttypes.h>

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "cf-error.h"
#include "cf-cli-private.h"

G_DEFINE_QUARK (cf-cli-error-quark, cf_cli_error)

/* Messages from GOption ("Unknown option --x") are not full sentences; the
 * hint that follows reads better after a full stop. */
static char *
dup_sentence (const char *message)
{
  gsize len = strlen (message);

  if (len == 0 || strchr (".!?", message[len - 1]) != NULL)
    return g_strdup (message);

  return g_strconcat (message, ".", NULL);
}

static char *
dup_hint (const char *path)
{
  if (path == NULL)
    return g_strdup_printf (_("Try “%s --help”."), CF_CLI_NAME);

  return g_strdup_printf (_("Try “%s %s --help”."), CF_CLI_NAME, path);
}

static gboolean
mentions_global_option (int    argc,
                        char **argv)
{
  for (int i = 1; i < argc; i++)
    if (g_str_equal (argv[i], "--db") || g_str_has_prefix (argv[i], "--db=") ||
        g_str_equal (argv[i], "--actor") || g_str_has_prefix (argv[i], "--actor="))
      return TRUE;

  return FALSE;
}

/**
 * cf_cli_report:
 * @path: (nullable): the command, for the hint to its --help
 *
 * Prints @error as one line on stderr.
 *
 * Returns: the exit status: %CF_CLI_EXIT_USAGE for a wrong command line,
 *   %CF_CLI_EXIT_FAILURE for everything the core or the system refused
 */
int
cf_cli_report (const char   *path,
               const GError *error)
{
  /* GOption quotes a wrong option as it was typed: not necessarily text,
   * and it could hold an escape sequence for the terminal. */
  g_autofree char *printable = cf_field_dup_printable (error->message, TRUE);
  g_autofree char *message = dup_sentence (printable);

  if (error->domain == CF_CLI_ERROR || error->domain == G_OPTION_ERROR)
    {
      g_autofree char *hint = dup_hint (path);

      cf_cli_printerr ("%s: %s %s\n", CF_CLI_NAME, message, hint);
      return CF_CLI_EXIT_USAGE;
    }

  cf_cli_printerr ("%s: %s\n", CF_CLI_NAME, message);
  return CF_CLI_EXIT_FAILURE;
}

int
cf_cli_usage_error (const char *path,
                    const char *format,
                    ...)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  error = g_error_new_literal (CF_CLI_ERROR, CF_CLI_ERROR_USAGE, message);
  return cf_cli_report (path, error);
}

/**
 * cf_cli_parse_command:
 * @parameters: (nullable): the positional arguments for the usage line, e.g. "ID"
 * @description: (nullable): translated text shown at the end of --help
 * @entries: (nullable): the command's own options, with N_() descriptions
 * @fields: (nullable): options made from a record's fields
 * @status: (out): the exit status when this returns %FALSE
 *
 * Parses a command's options, leaving the program name and the positional
 * arguments in @argv. Handles --help itself.
 *
 * Returns: %TRUE to go on, %FALSE to exit with @status
 */
gboolean
cf_cli_parse_command (const CfCliCommand  *command,
                      const char          *parameters,
                      const char          *description,
                      const GOptionEntry  *entries,
                      CfCliFieldOptions   *fields,
                      int                 *argc,
                      char              ***argv,
                      int                 *status)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *prgname = g_strconcat (CF_CLI_NAME, " ", command->path, NULL);
  gboolean help = FALSE;
  const GOptionEntry help_entries[] = {
    { "help", 'h', 0, G_OPTION_ARG_NONE, &help, N_("Show this help and exit"), NULL },
    G_OPTION_ENTRY_NULL
  };

  /* GOptionContext prints the program name in its usage line; naming the
   * command there makes “product show --help” say how to call it. */
  g_set_prgname (prgname);

  context = g_option_context_new (parameters);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  /* Our own --help prints to stdout and returns, where GOption's would exit(). */
  g_option_context_set_help_enabled (context, FALSE);
  g_option_context_set_summary (context, _(command->summary));
  if (description != NULL)
    g_option_context_set_description (context, description);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (fields != NULL)
    g_option_context_add_main_entries (context, cf_cli_field_options_get_entries (fields),
                                       GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, help_entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      if (g_error_matches (error, G_OPTION_ERROR, G_OPTION_ERROR_UNKNOWN_OPTION) &&
          mentions_global_option (*argc, *argv))
        {
          *status = cf_cli_usage_error (command->path,
                                        _("--db and --actor go before the command, as in "
                                          "“%s --db PATH %s …”."),
                                        CF_CLI_NAME, command->path);
          return FALSE;
        }

      *status = cf_cli_report (command->path, error);
      return FALSE;
    }

  /* GOption keeps a “--” that comes before an argument starting with “-”;
   * it only marks the end of the options. */
  for (int i = 1; i < *argc; i++)
    if (g_str_equal ((*argv)[i], "--"))
      {
        memmove (&(*argv)[i], &(*argv)[i + 1], (*argc - i) * sizeof (char *));
        (*argc)--;
        break;
      }

  if (help)
    {
      g_autofree char *text = g_option_context_get_help (context, TRUE, NULL);

      cf_cli_print ("%s", text);
      *status = CF_CLI_EXIT_OK;
      return FALSE;
    }

  return TRUE;
}

/**
 * cf_cli_check_arguments:
 * @argc: as left by cf_cli_parse_command(), the program name included
 * @missing_message: (nullable): what to say when fewer than @min_args are given
 *
 * Checks the number of positional arguments.
 */
gboolean
cf_cli_check_arguments (int          argc,
                        char       **argv,
                        int          min_args,
                        int          max_args,
                        const char  *missing_message,
                        GError     **error)
{
  int n_args = argc - 1;

  if (n_args < min_args)
    {
      g_set_error_literal (error, CF_CLI_ERROR, CF_CLI_ERROR_USAGE,
                           missing_message ? missing_message : _("An argument is missing."));
      return FALSE;
    }

  if (n_args > max_args)
    {
      g_autofree char *shown = g_utf8_make_valid (argv[max_args + 1], -1);

      g_set_error (error, CF_CLI_ERROR, CF_CLI_ERROR_USAGE,
                   _("Unexpected argument “%s”."), shown);
      return FALSE;
    }

  return TRUE;
}

gboolean
cf_cli_parse_id (const char  *text,
                 gint64      *id,
                 GError     **error)
{
  guint64 value;

  /* Ids are what the store hands out: 1 and up. Anything else is a typo,
   * so it is a usage error rather than a lookup that cannot succeed. */
  if (!g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &value, NULL))
    {
      g_autofree char *shown = g_utf8_make_valid (text, -1);

      g_set_error (error, CF_CLI_ERROR, CF_CLI_ERROR_USAGE,
                   _("“%s” is not a valid id: ids are whole numbers from 1 up."), shown);
      return FALSE;
    }

  *id = (gint64) value;
  return TRUE;
}

/**
 * cf_cli_parse_threat:
 * @text: a threat of the risk register: its number, or its label ("T3")
 *
 * Like cf_cli_parse_id(), a malformed number is a usage error; whether the
 * register has that threat is left to the store.
 */
gboolean
cf_cli_parse_threat (const char  *text,
                     gint        *number,
                     GError     **error)
{
  const char *digits = text;
  guint64 value;

  if (*digits == 'T' || *digits == 't')
    digits++;

  if (!g_ascii_string_to_unsigned (digits, 10, 1, G_MAXINT, &value, NULL))
    {
      g_autofree char *shown = g_utf8_make_valid (text, -1);

      g_set_error (error, CF_CLI_ERROR, CF_CLI_ERROR_USAGE,
                   _("“%s” is not a threat: give its number in the risk register, "
                     "e.g. 3 or T3."), shown);
      return FALSE;
    }

  *number = (gint) value;
  return TRUE;
}

/**
 * cf_cli_dup_threat_label:
 *
 * Returns: (transfer full): "T3", the label cf_threat_dup_label() gives
 *   the threat numbered @number
 */
char *
cf_cli_dup_threat_label (gint number)
{
  /* An identifier, the same in every language (scripts read it). */
  return g_strdup_printf ("T%d", number);
}

/**
 * cf_cli_dup_requirement_list:
 * @requirements: (element-type CfCatalogueItem): from cf_requirements_list()
 *
 * Returns: (transfer full): one line per requirement, for --help:
 *   “  AnnexI.PartI.2.a  I (2)(a)  No known exploitable vulnerabilities”
 */
char *
cf_cli_dup_requirement_list (GPtrArray *requirements)
{
  g_autoptr(CfCliTable) table = cf_cli_table_new (3);
  g_autoptr(GString) out = g_string_new (NULL);

  cf_cli_table_set_width (table, CF_CLI_TEXT_WIDTH);
  for (guint i = 0; i < requirements->len; i++)
    {
      CfCatalogueItem *item = g_ptr_array_index (requirements, i);
      g_autofree char *ref = cf_requirement_short_ref (item);

      cf_cli_table_add_row (table, (const char *[]) {
                              cf_catalogue_item_get_id (item), ref,
                              cf_catalogue_item_get_label (item) });
    }

  cf_cli_table_append (table, out, "  ");

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * cf_cli_check_requirement:
 * @requirement: what the user gave, as UTF-8
 *
 * Checks that @requirement is an essential requirement of Annex I, in the
 * words `assess set` uses: the store keeps links to requirements without
 * knowing the catalogue, so this is the only check they get.
 */
gboolean
cf_cli_check_requirement (CfCatalogue  *catalogue,
                          const char   *requirement,
                          GError      **error)
{
  g_autoptr(CfRequirementAssessment) probe = cf_requirement_assessment_new (requirement);

  /* An applying requirement with nothing else recorded: only its id is judged. */
  return cf_requirement_assessment_validate (probe, catalogue, FALSE, error);
}

/**
 * cf_cli_dup_text_argument:
 * @value: (nullable): an argument as the system passed it
 *
 * Text options are parsed as raw bytes (G_OPTION_ARG_FILENAME): GOption's
 * own conversion would refuse UTF-8 in the plain C locale of many CI
 * runners. UTF-8 is kept as it is; anything else is converted from the
 * locale's encoding, and what cannot be is left for the core to refuse,
 * naming the field.
 *
 * Returns: (transfer full) (nullable): the value as UTF-8
 */
char *
cf_cli_dup_text_argument (const char *value)
{
  char *converted;

  if (value == NULL || g_utf8_validate (value, -1, NULL))
    return g_strdup (value);

  converted = g_locale_to_utf8 (value, -1, NULL, NULL, NULL);

  return converted ? converted : g_strdup (value);
}

/**
 * cf_cli_check_output_file:
 *
 * Checks, before anything is generated or stored, that @path can be
 * written: its folder exists and is writable and it is not a folder itself.
 */
gboolean
cf_cli_check_output_file (const char  *path,
                          GError     **error)
{
  g_autofree char *folder = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *shown_folder = NULL;

  if (path == NULL || *path == '\0')
    {
      g_set_error_literal (error, CF_CLI_ERROR, CF_CLI_ERROR_USAGE,
                           _("--out needs a file name."));
      return FALSE;
    }

  shown = g_filename_display_name (path);
  folder = g_path_get_dirname (path);
  shown_folder = g_filename_display_name (folder);

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                   _("Cannot write “%s”: it is a folder. Give a file name with --out."), shown);
      return FALSE;
    }

  if (!g_file_test (folder, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("Cannot write “%s”: the folder “%s” does not exist."),
                   shown, shown_folder);
      return FALSE;
    }

  if (g_access (folder, W_OK | X_OK) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Cannot write “%s”: the folder “%s” is not writable (%s)."),
                   shown, shown_folder, g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

char *
cf_cli_get_db_path (CfCliContext *ctx)
{
  return cf_store_resolve_path (ctx->db_path);
}

/**
 * cf_cli_open_store:
 * @store: (out) (transfer none): the store, owned by @ctx; %NULL when
 *   @mode is %CF_CLI_OPEN_EXISTING and there is no database yet
 *
 * Opens the project database on first use, so that --help, usage errors
 * and commands that need no database never create one. Reading never
 * creates one either: a mistyped --db path should not leave an empty
 * project behind.
 */
gboolean
cf_cli_open_store (CfCliContext   *ctx,
                   CfCliOpenMode   mode,
                   CfStore       **store,
                   GError        **error)
{
  g_autofree char *path = NULL;

  *store = NULL;

  if (ctx->store == NULL)
    {
      path = cf_cli_get_db_path (ctx);

      if (mode == CF_CLI_OPEN_EXISTING && !g_file_test (path, G_FILE_TEST_EXISTS))
        return TRUE;

      ctx->store = cf_store_open_as (path, ctx->actor, error);
      if (ctx->store == NULL)
        return FALSE;
    }

  *store = ctx->store;
  return TRUE;
}

/* When there is no database, there is nothing in it: say so in the words
 * the store would have used. */
void
cf_cli_set_no_product (CfCliContext  *ctx,
                       gint64         product_id,
                       GError       **error)
{
  g_autofree char *path = cf_cli_get_db_path (ctx);

  g_set_error (error, CF_ERROR, CF_ERROR_NOT_FOUND,
               _("There is no product with id %" PRId64 " in “%s”."),
               product_id, path);
}

void
cf_cli_set_no_document (CfCliContext  *ctx,
                        gint64         document_id,
                        GError       **error)
{
  g_autofree char *path = cf_cli_get_db_path (ctx);

  g_set_error (error, CF_ERROR, CF_ERROR_NOT_FOUND,
               _("There is no document with id %" PRId64 " in “%s”."),
               document_id, path);
}

/**
 * cf_cli_open_product_store:
 * @store: (out) (transfer none): the store, owned by @ctx
 *
 * Opens the database for a command about one product, without creating
 * it: a database that does not exist has no product @product_id, which is
 * what @error then says. Whether the product exists is left to the store.
 */
gboolean
cf_cli_open_product_store (CfCliContext  *ctx,
                           gint64         product_id,
                           CfStore      **store,
                           GError       **error)
{
  if (!cf_cli_open_store (ctx, CF_CLI_OPEN_EXISTING, store, error))
    return FALSE;

  if (*store == NULL)
    {
      cf_cli_set_no_product (ctx, product_id, error);
      return FALSE;
    }

  return TRUE;
}

/**
 * cf_cli_load_product_status:
 *
 * Reads everything the regulation decides about the product (scope,
 * classification, procedures, dates) in one go, as the window does, so
 * `scope show`, `classify show` and `dates` never disagree with it.
 *
 * Returns: (transfer full) (nullable): the status, or %NULL with @error set
 */
CfProductStatus *
cf_cli_load_product_status (CfCliContext  *ctx,
                            CfCatalogue   *catalogue,
                            gint64         product_id,
                            GError       **error)
{
  CfStore *store;

  if (!cf_cli_open_product_store (ctx, product_id, &store, error))
    return NULL;

  return cf_product_status_load (store, catalogue, product_id, NULL, error);
}

/**
 * cf_cli_dup_text:
 * @value: an argument as the system passed it
 *
 * Like cf_cli_dup_text_argument(), for identifiers and search text that
 * are looked up rather than stored: what cannot be read as UTF-8 is
 * replaced, so that a message naming it is still valid text.
 *
 * Returns: (transfer full): @value as valid UTF-8
 */
char *
cf_cli_dup_text (const char *value)
{
  g_autofree char *converted = cf_cli_dup_text_argument (value);

  return g_utf8_make_valid (converted, -1);
}

/**
 * cf_cli_check_value:
 * @spec: what the option's value may hold, as for a record's field
 * @value: (nullable): the value, as UTF-8 where it could be converted
 *
 * Checks the value of an option that is not a record's field with the
 * same rules, so that a justification and a product description are
 * refused for the same reasons, in the same words.
 */
gboolean
cf_cli_check_value (const CfFieldSpec  *spec,
                    const char         *value,
                    GError            **error)
{
  g_autofree char *message = cf_field_spec_check (spec, value);

  if (message != NULL)
    {
      g_set_error_literal (error, CF_ERROR, CF_ERROR_INVALID_INPUT, message);
      return FALSE;
    }

  return TRUE;
}
