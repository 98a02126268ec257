/* cf-cli-evidence.c — evidence add, list, show, versions, get, set, remove, verify
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

/* Copies and checks shorter than this take well under a second: a progress
 * line would only flicker. */
#define PROGRESS_MIN_SIZE (G_GUINT64_CONSTANT (64) << 20)

/* What a --max-size suffix multiplies by. As in dd(1), K, M, G and T (and
 * KiB, MiB, GiB, TiB) are powers of 1024, KB, MB, GB and TB powers of 1000. */
static const struct {
  const char *suffix;
  guint64     factor;
} size_units[] = {
  { "", 1 },
  { "B", 1 },
  { "K", G_GUINT64_CONSTANT (1) << 10 },
  { "KiB", G_GUINT64_CONSTANT (1) << 10 },
  { "KB", G_GUINT64_CONSTANT (1000) },
  { "M", G_GUINT64_CONSTANT (1) << 20 },
  { "MiB", G_GUINT64_CONSTANT (1) << 20 },
  { "MB", G_GUINT64_CONSTANT (1000000) },
  { "G", G_GUINT64_CONSTANT (1) << 30 },
  { "GiB", G_GUINT64_CONSTANT (1) << 30 },
  { "GB", G_GUINT64_CONSTANT (1000000000) },
  { "T", G_GUINT64_CONSTANT (1) << 40 },
  { "TiB", G_GUINT64_CONSTANT (1) << 40 },
  { "TB", G_GUINT64_CONSTANT (1000000000000) },
};

/* A progress line on stderr, rewritten in place. */
typedef struct
{
  char     *what;    /* “copying “report.pdf”” */
  gboolean  shown;
} Progress;

static void
progress_clear (Progress *progress)
{
  g_free (progress->what);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Progress, progress_clear)

static char *
format_size (guint64 size)
{
  return g_format_size_full (size, G_FORMAT_SIZE_IEC_UNITS);
}

static GDate *
today_new (void)
{
  GDate *today = g_date_new ();

  g_date_set_time_t (today, time (NULL));

  return today;
}

/* “test-report, design-document, …”, for messages and --help. */
static char *
dup_kind_list (void)
{
  return g_strjoinv (", ", (GStrv) cf_evidence_kind_list ());
}

/* The text after the options in --help: the kinds, with their labels. */
static char *
dup_kind_table (void)
{
  g_autoptr(CfCliTable) table = cf_cli_table_new (2);
  g_autoptr(GString) out = g_string_new (NULL);
  const char * const *kinds = cf_evidence_kind_list ();

  for (guint i = 0; kinds[i] != NULL; i++)
    cf_cli_table_add_row (table, (const char *[]) {
                            kinds[i], cf_evidence_kind_get_label (kinds[i]) });

  cf_cli_table_append (table, out, "  ");

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static gboolean
parse_kind (const char  *text,
            char       **kind,
            GError     **error)
{
  g_autofree char *shown = cf_cli_dup_text (text);
  g_autofree char *value = g_ascii_strdown (g_strstrip (shown), -1);

  if (!cf_evidence_kind_is_valid (value))
    {
      g_autofree char *kinds = dup_kind_list ();

      g_set_error (error, CF_CLI_ERROR, CF_CLI_ERROR_USAGE,
                   _("“%s” is not a kind of evidence; use one of: %s."), shown, kinds);
      return FALSE;
    }

  *kind = g_steal_pointer (&value);
  return TRUE;
}

/* Not written YYYY-MM-DD: a usage error. Written so but not a day of the
 * calendar (2027-02-30): refused in the core's words, as `product set` does. */
static gboolean
parse_date (const char  *text,
            char       **date,
            GError     **error)
{
  g_autofree char *shown = g_strstrip (cf_cli_dup_text (text));
  gboolean well_formed = strlen (shown) == 10;

  for (guint i = 0; well_formed && i < 10; i++)
    well_formed = (i == 4 || i == 7) ? shown[i] == '-' : g_ascii_isdigit (shown[i]);

  if (!well_formed)
    {
      g_set_error (error, CF_CLI_ERROR, CF_CLI_ERROR_USAGE,
                   _("--valid-until takes a date written YYYY-MM-DD, not “%s”."), shown);
      return FALSE;
    }

  if (!cf_evidence_date_is_valid (shown))
    {
      g_set_error (error, CF_ERROR, CF_ERROR_INVALID_INPUT,
                   _("Valid until: “%s” is not a date; write it as YYYY-MM-DD, e.g. 2028-06-30."),
                   shown);
      return FALSE;
    }

  *date = g_steal_pointer (&shown);
  return TRUE;
}

/* “512M”, “2G”, “2GiB”, “1500000000”: a whole number of bytes, or of a unit. */
gboolean
cf_cli_parse_max_size (const char  *text,
                       guint64     *size,
                       GError     **error)
{
  g_autofree char *shown = g_strstrip (cf_cli_dup_text (text));
  g_autofree char *digits = NULL;
  const char *suffix = shown;
  guint64 number;

  while (g_ascii_isdigit (*suffix))
    suffix++;
  digits = g_strndup (shown, suffix - shown);

  if (*digits != '\0' && g_ascii_string_to_unsigned (digits, 10, 1, G_MAXUINT64, &number, NULL))
    for (guint i = 0; i < G_N_ELEMENTS (size_units); i++)
      if (g_ascii_strcasecmp (suffix, size_units[i].suffix) == 0 &&
          number <= G_MAXUINT64 / size_units[i].factor)
        {
          *size = number * size_units[i].factor;
          return TRUE;
        }

  g_set_error (error, CF_CLI_ERROR, CF_CLI_ERROR_USAGE,
               _("--max-size takes a size of at least one byte: a number of bytes, or of K, M, G "
                 "or T (1024-based) or KB, MB, GB or TB (1000-based), e.g. 512M or 2G; not “%s”."),
               shown);
  return FALSE;
}

static gboolean
parse_version (const char  *text,
               gint        *version,
               GError     **error)
{
  g_autofree char *shown = g_strstrip (cf_cli_dup_text (text));
  guint64 value;

  if (!g_ascii_string_to_unsigned (shown, 10, 1, G_MAXINT, &value, NULL))
    {
      g_set_error (error, CF_CLI_ERROR, CF_CLI_ERROR_USAGE,
                   _("--version takes a version number from 1 up, not “%s”."), shown);
      return FALSE;
    }

  *version = (gint) value;
  return TRUE;
}

/* The --requirement values, trimmed and checked against the catalogue: the
 * store links whatever it is given. */
static GStrv
dup_requirements (CfCatalogue  *catalogue,
                  char        **args,
                  GError      **error)
{
  g_autoptr(GStrvBuilder) requirements = g_strv_builder_new ();

  for (guint i = 0; args != NULL && args[i] != NULL; i++)
    {
      g_autofree char *requirement = g_strstrip (cf_cli_dup_text (args[i]));

      if (!cf_cli_check_requirement (catalogue, requirement, error))
        return NULL;
      g_strv_builder_add (requirements, requirement);
    }

  return g_strv_builder_end (requirements);
}

/* The --threat values as numbers; whether the register has them is left to
 * the store, which names the first it does not know. */
static gboolean
parse_threats (char    **args,
               GArray   *numbers,
               GError  **error)
{
  for (guint i = 0; args != NULL && args[i] != NULL; i++)
    {
      gint number;

      if (!cf_cli_parse_threat (args[i], &number, error))
        return FALSE;
      g_array_append_val (numbers, number);
    }

  return TRUE;
}

static void
progress_cb (guint64  done,
             guint64  total,
             gpointer user_data)
{
  Progress *progress = user_data;
  g_autofree char *done_text = NULL;
  g_autofree char *total_text = NULL;
  g_autofree char *line = NULL;
  guint percent;

  if (total < PROGRESS_MIN_SIZE)
    return;

  percent = (guint) (done * 100 / total);
  done_text = format_size (done);
  total_text = format_size (total);
  /* Translators: “conformity-cli: copying “report.pdf”: 45% (460.0 MiB of 1.0 GiB)”. */
  line = g_strdup_printf (_("%s: %s: %3u%% (%s of %s)"), CF_CLI_NAME, progress->what, percent,
                          done_text, total_text);
  /* Each line is at least as long as the one it overwrites: sizes only grow. */
  cf_cli_printerr ("\r%s", line);
  progress->shown = TRUE;
}

/* Progress is for a person watching a terminal; a log or a pipe gets
 * nothing but the result. */
static CfProgressFunc
progress_func (void)
{
  return isatty (STDERR_FILENO) ? progress_cb : NULL;
}

static void
progress_end (Progress *progress)
{
  if (progress->shown)
    cf_cli_printerr ("\n");
  progress->shown = FALSE;
}

static void
set_no_evidence (CfCliContext  *ctx,
                 gint64         evidence_id,
                 GError       **error)
{
  g_autofree char *path = cf_cli_get_db_path (ctx);

  g_set_error (error, CF_ERROR, CF_ERROR_NOT_FOUND,
               _("There is no evidence with id %" PRId64 " in “%s”."), evidence_id, path);
}

/* Reading never creates a database: without one there is no such item. */
static CfEvidence *
load_evidence (CfCliContext  *ctx,
               gint64         evidence_id,
               CfStore      **store,
               GError       **error)
{
  if (!cf_cli_open_store (ctx, CF_CLI_OPEN_EXISTING, store, error))
    return NULL;

  if (*store == NULL)
    {
      set_no_evidence (ctx, evidence_id, error);
      return NULL;
    }

  return cf_store_get_evidence (*store, evidence_id, error);
}

/* cf_store_save_evidence() writes straight to a destination that does not
 * exist yet, so a refused copy (content that no longer matches) would leave
 * a file behind. Written beside it under a temporary name and renamed,
 * FILE appears only complete and verified, and otherwise keeps what it had. */
static gboolean
save_version (CfStore     *store,
              gint64       evidence_id,
              gint         version,
              const char  *out,
              GError     **error)
{
  g_autofree char *folder = g_path_get_dirname (out);
  g_autofree char *base = g_path_get_basename (out);
  g_autofree char *tmp_name = g_strdup_printf (".%s.%u-%08x.part", base, (guint) getpid (),
                                               g_random_int ());
  g_autofree char *tmp_path = g_build_filename (folder, tmp_name, NULL);
  g_autoptr(GFile) tmp = g_file_new_for_path (tmp_path);

  if (!cf_store_save_evidence (store, evidence_id, version, tmp, NULL, error))
    {
      g_unlink (tmp_path);
      return FALSE;
    }

  if (g_rename (tmp_path, out) != 0)
    {
      int saved_errno = errno;
      g_autofree char *shown = g_filename_display_name (out);

      g_unlink (tmp_path);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not write “%s”: %s"), shown, g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

static char *
dup_threat_labels (CfEvidence *evidence)
{
  GArray *threats = cf_evidence_get_threats (evidence);
  g_autoptr(GString) labels = g_string_new (NULL);

  for (guint i = 0; i < threats->len; i++)
    {
      g_autofree char *label = cf_cli_dup_threat_label (g_array_index (threats, gint, i));

      g_string_append_printf (labels, "%s%s", i > 0 ? ", " : "", label);
    }

  return g_string_free (g_steal_pointer (&labels), FALSE);
}

int
cf_cli_evidence_add (CfCliContext        *ctx,
                     const CfCliCommand  *command,
                     int                  argc,
                     char               **argv)
{
  g_autoptr(CfCatalogue) catalogue = NULL;
  g_autoptr(GPtrArray) catalogue_requirements = NULL;
  g_autoptr(CfEvidence) item = NULL;
  g_autoptr(GArray) threats = g_array_new (FALSE, FALSE, sizeof (gint));
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) requirement_args = NULL;
  g_auto(GStrv) threat_args = NULL;
  g_auto(GStrv) requirements = NULL;
  g_auto(Progress) progress = { NULL, };
  g_autofree char *kind_arg = NULL;
  g_autofree char *title_arg = NULL;
  g_autofree char *valid_until_arg = NULL;
  g_autofree char *max_size_arg = NULL;
  g_autofree char *new_version_arg = NULL;
  g_autofree char *kind = NULL;
  g_autofree char *valid_until = NULL;
  g_autofree char *title = NULL;
  g_autofree char *shown_file = NULL;
  g_autofree char *requirement_list = NULL;
  g_autofree char *kind_table = NULL;
  g_autofree char *limit_text = format_size (CF_STORE_DEFAULT_EVIDENCE_LIMIT);
  g_autofree char *description = NULL;
  const GOptionEntry entries[] = {
    { "requirement", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &requirement_args,
      N_("An essential requirement the file is evidence for; repeat for several"),
      N_("REQUIREMENT") },
    { "threat", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &threat_args,
      N_("A threat of the risk register it supports the treatment of, 3 or T3; repeat for "
         "several"), N_("N") },
    { "kind", 0, 0, G_OPTION_ARG_FILENAME, &kind_arg,
      N_("What kind of evidence it is (default: guessed from the file; see below)"),
      N_("KIND") },
    { "title", 0, 0, G_OPTION_ARG_FILENAME, &title_arg,
      N_("What the evidence is, in a few words (default: the file’s name)"), N_("TEXT") },
    { "valid-until", 0, 0, G_OPTION_ARG_FILENAME, &valid_until_arg,
      N_("The last day it is valid, e.g. for a certificate (default: no expiry)"),
      N_("YYYY-MM-DD") },
    { "new-version-of", 0, 0, G_OPTION_ARG_FILENAME, &new_version_arg,
      N_("Add FILE as a new version of this item of evidence instead of a new item"),
      N_("EVIDENCE_ID") },
    { "max-size", 0, 0, G_OPTION_ARG_FILENAME, &max_size_arg,
      N_("Refuse a file larger than SIZE (default: 1 GiB), e.g. 512M, 2G"), N_("SIZE") },
    G_OPTION_ENTRY_NULL
  };
  CfStore *store;
  guint64 max_size = CF_STORE_DEFAULT_EVIDENCE_LIMIT;
  gint64 id;
  gint64 evidence_id = 0;
  gint64 added;
  int status;

  /* The requirements live in the catalogue; --help lists them from there. */
  catalogue = cf_catalogue_load_default (&error);
  if (catalogue == NULL)
    return cf_cli_report (command->path, error);
  catalogue_requirements = cf_requirements_list (catalogue);
  requirement_list = cf_cli_dup_requirement_list (catalogue_requirements);
  kind_table = dup_kind_table ();

  description = g_strdup_printf (_("Copies FILE into the project database as evidence for the "
                                   "product and prints the new item’s id alone. The file is "
                                   "stored whole with its SHA-256; a refusal or an interruption "
                                   "stores nothing. Files over %s are refused "
                                   "unless --max-size allows them; SIZE is a number of bytes, or "
                                   "of K, M, G or T (powers of 1024, also written KiB, MiB, GiB, "
                                   "TiB) or of KB, MB, GB or TB (powers of 1000). Every "
                                   "essential requirement that applies needs evidence that has "
                                   "not expired before a declaration of conformity "
                                   "(“%s readiness ID”).\n"
                                   "\n"
                                   "With --new-version-of, FILE becomes the next version of "
                                   "that item; its title, kind, validity and links stay (change "
                                   "them with “%s evidence set”), and every earlier version "
                                   "stays retrievable.\n"
                                   "\n"
                                   "Kinds:\n"
                                   "%s\n"
                                   "Requirements:\n"
                                   "%s\n"
                                   "Examples:\n"
                                   "  e=$(%s evidence add 1 pentest-2027.pdf --kind "
                                   "penetration-test --requirement AnnexI.PartI.2.a --threat T1)\n"
                                   "  %s evidence add 1 pentest-2028.pdf "
                                   "--new-version-of \"$e\"\n"),
                                 limit_text, CF_CLI_NAME, CF_CLI_NAME, kind_table,
                                 requirement_list, CF_CLI_NAME, CF_CLI_NAME);

  if (!cf_cli_parse_command (command, _("ID FILE"), description, entries, NULL,
                             &argc, &argv, &status))
    return status;

  if (!cf_cli_check_arguments (argc, argv, 2, 2,
                               _("Give the product’s id and the file, e.g. “1 report.pdf”."),
                               &error) ||
      !cf_cli_parse_id (argv[1], &id, &error))
    return cf_cli_report (command->path, error);

  if (*argv[2] == '\0')
    return cf_cli_usage_error (command->path, "%s", _("Which file? The file name is empty."));

  if (max_size_arg != NULL && !cf_cli_parse_max_size (max_size_arg, &max_size, &error))
    return cf_cli_report (command->path, error);

  if (new_version_arg != NULL)
    {
      if (requirement_args != NULL || threat_args != NULL || kind_arg != NULL ||
          title_arg != NULL || valid_until_arg != NULL)
        return cf_cli_usage_error (command->path, "%s",
                                   _("--new-version-of adds a version to an item, which keeps "
                                     "its title, kind, validity and links: leave out "
                                     "--requirement, --threat, --kind, --title and "
                                     "--valid-until, or change them with “evidence set”."));

      if (!cf_cli_parse_id (new_version_arg, &evidence_id, &error))
        return cf_cli_report (command->path, error);
    }
  else
    {
      if ((kind_arg != NULL && !parse_kind (kind_arg, &kind, &error)) ||
          (valid_until_arg != NULL && !parse_date (valid_until_arg, &valid_until, &error)) ||
          !parse_threats (threat_args, threats, &error))
        return cf_cli_report (command->path, error);

      /* Checked before the database is opened: an unknown one stores nothing. */
      requirements = dup_requirements (catalogue, requirement_args, &error);
      if (requirements == NULL)
        return cf_cli_report (command->path, error);

      /* Without --title or --kind, the core takes the file's name and a guess. */
      title = cf_cli_dup_text_argument (title_arg);
      item = cf_evidence_new ();
      cf_evidence_set_title (item, title);
      cf_evidence_set_kind (item, kind);
      cf_evidence_set_valid_until (item, valid_until);
      cf_evidence_set_requirements (item, (const char * const *) requirements);
      cf_evidence_set_threats (item, (const gint *) (gpointer) threats->data, threats->len);
    }

  if (!cf_cli_open_product_store (ctx, id, &store, &error))
    return cf_cli_report (command->path, error);

  /* The version belongs to the item's product; naming another is a mistake. */
  if (evidence_id != 0)
    {
      g_autoptr(CfEvidence) existing = cf_store_get_evidence (store, evidence_id, &error);

      if (existing == NULL)
        return cf_cli_report (command->path, error);

      if (cf_evidence_get_product_id (existing) != id)
        {
          g_set_error (&error, CF_ERROR, CF_ERROR_INVALID_INPUT,
                       _("Evidence %" PRId64 " belongs to product %" PRId64 ", not to "
                         "product %" PRId64 "."),
                       evidence_id, cf_evidence_get_product_id (existing), id);
          return cf_cli_report (command->path, error);
        }
    }

  cf_store_set_evidence_size_limit (store, max_size);

  file = g_file_new_for_path (argv[2]);
  shown_file = g_filename_display_basename (argv[2]);
  /* Translators: the %s of “conformity-cli: %s: 45% (…)” while a file is copied. */
  progress.what = g_strdup_printf (_("copying “%s”"), shown_file);

  added = cf_store_add_evidence (store, id, item, evidence_id, file, NULL, progress_func (),
                                 &progress, &error);
  progress_end (&progress);
  if (added == 0)
    return cf_cli_report (command->path, error);

  /* The id alone, so that `e=$(conformity-cli evidence add …)` just works. */
  cf_cli_print ("%" G_GINT64_FORMAT "\n", added);

  return CF_CLI_EXIT_OK;
}

static void
print_evidence_list (GPtrArray   *items,
                     const GDate *today)
{
  g_autoptr(CfCliTable) table = cf_cli_table_new (7);

  cf_cli_table_add_row (table, (const char *[]) {
                          _("ID"), _("KIND"), _("VERSION"), _("SIZE"), _("SHA-256"), _("TITLE"),
                          NULL });

  for (guint i = 0; i < items->len; i++)
    {
      CfEvidence *evidence = g_ptr_array_index (items, i);
      const CfEvidenceVersion *latest = cf_evidence_get_latest (evidence);
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, cf_evidence_get_id (evidence));
      g_autofree char *version = g_strdup_printf ("%d", latest->version);
      g_autofree char *size = format_size (latest->size);
      /* Enough to tell files apart and to find one in `evidence show`. */
      g_autofree char *sha256 = g_strndup (latest->sha256, 12);

      cf_cli_table_add_row (table, (const char *[]) {
                              id, cf_evidence_get_kind (evidence), version, size, sha256,
                              cf_evidence_get_title (evidence),
                              cf_evidence_is_expired (evidence, today) ? _("(expired)") : NULL });
    }

  cf_cli_table_print (table);
}

int
cf_cli_evidence_list (CfCliContext        *ctx,
                      const CfCliCommand  *command,
                      int                  argc,
                      char               **argv)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GDate) today = today_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  gboolean json = FALSE;
  const GOptionEntry entries[] = { CF_CLI_JSON_ENTRY (json), G_OPTION_ENTRY_NULL };
  CfStore *store;
  gint64 id;
  int status;

  description = g_strdup_printf (_("Lists the product’s evidence, oldest first, each with its "
                                   "latest version: the id, the kind, the version, the size, the "
                                   "start of the SHA-256 and the title, marked “(expired)” once "
                                   "its validity date has passed. --json gives the whole "
                                   "SHA-256, the validity and the requirements and threats each "
                                   "item supports.\n"
                                   "\n"
                                   "Example:\n"
                                   "  %s evidence list 1 --json | jq -r '.[] | "
                                   "select(.expired) | .id'\n"),
                                 CF_CLI_NAME);

  if (!cf_cli_parse_command (command, _("ID"), description, entries, NULL, &argc, &argv, &status))
    return status;

  if (!cf_cli_check_arguments (argc, argv, 1, 1, _("Which product? Give its id."), &error) ||
      !cf_cli_parse_id (argv[1], &id, &error))
    return cf_cli_report (command->path, error);

  if (!cf_cli_open_product_store (ctx, id, &store, &error))
    return cf_cli_report (command->path, error);

  items = cf_store_list_evidence (store, id, &error);
  if (items == NULL)
    return cf_cli_report (command->path, error);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < items->len; i++)
        cf_cli_json_add_evidence (builder, g_ptr_array_index (items, i), today);
      json_builder_end_array (builder);
      cf_cli_json_print (builder);
    }
  else if (items->len == 0)
    {
      cf_cli_print (_("Product %" PRId64 " has no evidence yet. Attach a file with "
                      "“%s evidence add %" PRId64 " FILE --requirement REQUIREMENT”.\n"),
                    id, CF_CLI_NAME, id);
    }
  else
    print_evidence_list (items, today);

  return CF_CLI_EXIT_OK;
}

static void
print_evidence (CfEvidence  *evidence,
                const GDate *today)
{
  g_autoptr(CfCliTable) table = cf_cli_table_new_key_value ();
  const CfEvidenceVersion *latest = cf_evidence_get_latest (evidence);
  const char *valid_until = cf_evidence_get_valid_until (evidence);
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, cf_evidence_get_id (evidence));
  g_autofree char *product = g_strdup_printf ("%" G_GINT64_FORMAT,
                                              cf_evidence_get_product_id (evidence));
  const char *kind_id = cf_evidence_get_kind (evidence);
  g_autofree char *kind = g_strdup_printf ("%s (%s)", cf_evidence_kind_get_label (kind_id),
                                           kind_id);
  g_autofree char *validity = NULL;
  g_autofree char *requirements = g_strjoinv (", ",
                                              (GStrv) cf_evidence_get_requirements (evidence));
  g_autofree char *threats = dup_threat_labels (evidence);
  g_autofree char *version = g_strdup_printf ("%d", latest->version);
  g_autofree char *size = format_size (latest->size);
  g_autofree char *size_text = NULL;

  /* The exact count only where the rounded size hides it. */
  if (latest->size >= 1024)
    size_text = g_strdup_printf (_("%s (%" PRIu64 " bytes)"), size, latest->size);
  else
    size_text = g_strdup (size);

  if (valid_until != NULL && cf_evidence_is_expired (evidence, today))
    /* Translators: a date, then a note that it has passed. */
    validity = g_strdup_printf (_("%s (expired)"), valid_until);
  else
    validity = g_strdup (valid_until ? valid_until : _("no expiry"));

  cf_cli_table_add_pair (table, _("Id"), id);
  cf_cli_table_add_pair (table, _("Product"), product);
  cf_cli_table_add_pair (table, _("Title"), cf_evidence_get_title (evidence));
  cf_cli_table_add_pair (table, _("Kind"), kind);
  cf_cli_table_add_pair (table, _("Valid until"), validity);
  cf_cli_table_add_pair (table, _("Requirements"), requirements);
  cf_cli_table_add_pair (table, _("Threats"), threats);
  cf_cli_table_add_pair (table, _("Version"), version);
  cf_cli_table_add_pair (table, _("File"), latest->file_name);
  cf_cli_table_add_pair (table, _("Media type"), latest->media_type);
  cf_cli_table_add_pair (table, _("Size"), size_text);
  cf_cli_table_add_pair (table, _("SHA-256"), latest->sha256);
  cf_cli_table_add_pair (table, _("Added"), latest->added_at);
  cf_cli_table_add_pair (table, _("Added by"), latest->added_by);
  cf_cli_table_add_pair (table, _("Created"), cf_evidence_get_created_at (evidence));
  cf_cli_table_add_pair (table, _("Created by"), cf_evidence_get_created_by (evidence));
  cf_cli_table_print (table);
}

int
cf_cli_evidence_show (CfCliContext        *ctx,
                      const CfCliCommand  *command,
                      int                  argc,
                      char               **argv)
{
  g_autoptr(CfEvidence) evidence = NULL;
  g_autoptr(GDate) today = today_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  gboolean json = FALSE;
  const GOptionEntry entries[] = { CF_CLI_JSON_ENTRY (json), G_OPTION_ENTRY_NULL };
  CfStore *store;
  gint64 id;
  int status;

  description = g_strdup_printf (_("Shows an item of evidence with its latest version: what it "
                                   "is, until when it is valid, the requirements and threats it "
                                   "supports, the file and its SHA-256. “%s evidence versions” "
                                   "lists the earlier versions.\n"
                                   "\n"
                                   "Example:\n"
                                   "  %s evidence show 3 --json | jq -r .sha256\n"),
                                 CF_CLI_NAME, CF_CLI_NAME);

  if (!cf_cli_parse_command (command, _("EVIDENCE_ID"), description, entries, NULL,
                             &argc, &argv, &status))
    return status;

  if (!cf_cli_check_arguments (argc, argv, 1, 1, _("Which evidence? Give its id."), &error) ||
      !cf_cli_parse_id (argv[1], &id, &error))
    return cf_cli_report (command->path, error);

  evidence = load_evidence (ctx, id, &store, &error);
  if (evidence == NULL)
    return cf_cli_report (command->path, error);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      cf_cli_json_add_evidence (builder, evidence, today);
      cf_cli_json_print (builder);
    }
  else
    print_evidence (evidence, today);

  return CF_CLI_EXIT_OK;
}

int
cf_cli_evidence_versions (CfCliContext        *ctx,
                          const CfCliCommand  *command,
                          int                  argc,
                          char               **argv)
{
  g_autoptr(CfEvidence) evidence = NULL;
  g_autoptr(GPtrArray) versions = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  gboolean json = FALSE;
  const GOptionEntry entries[] = { CF_CLI_JSON_ENTRY (json), G_OPTION_ENTRY_NULL };
  CfStore *store;
  gint64 id;
  int status;

  description = g_strdup_printf (_("Lists every stored version of an item of evidence, the "
                                   "first first: when and by whom it was added, its size, its "
                                   "SHA-256 and the name the file had. A version never changes "
                                   "once stored; “%s evidence get EVIDENCE_ID --version N” "
                                   "writes it out.\n"
                                   "\n"
                                   "Example:\n"
                                   "  %s evidence versions 3 --json | jq -r '.[] | "
                                   "\"\\(.version) \\(.sha256)\"'\n"),
                                 CF_CLI_NAME, CF_CLI_NAME);

  if (!cf_cli_parse_command (command, _("EVIDENCE_ID"), description, entries, NULL,
                             &argc, &argv, &status))
    return status;

  if (!cf_cli_check_arguments (argc, argv, 1, 1, _("Which evidence? Give its id."), &error) ||
      !cf_cli_parse_id (argv[1], &id, &error))
    return cf_cli_report (command->path, error);

  evidence = load_evidence (ctx, id, &store, &error);
  if (evidence == NULL)
    return cf_cli_report (command->path, error);

  versions = cf_store_list_evidence_versions (store, id, &error);
  if (versions == NULL)
    return cf_cli_report (command->path, error);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < versions->len; i++)
        cf_cli_json_add_evidence_version (builder, id, g_ptr_array_index (versions, i));
      json_builder_end_array (builder);
      cf_cli_json_print (builder);
    }
  else
    {
      g_autoptr(CfCliTable) table = cf_cli_table_new (6);

      cf_cli_table_add_row (table, (const char *[]) {
                              _("VERSION"), _("ADDED"), _("BY"), _("SIZE"), _("SHA-256"),
                              _("FILE") });

      for (guint i = 0; i < versions->len; i++)
        {
          CfEvidenceVersion *v = g_ptr_array_index (versions, i);
          g_autofree char *version = g_strdup_printf ("%d", v->version);
          g_autofree char *size = format_size (v->size);

          cf_cli_table_add_row (table, (const char *[]) {
                                  version, v->added_at, v->added_by, size, v->sha256,
                                  v->file_name });
        }

      cf_cli_table_print (table);
    }

  return CF_CLI_EXIT_OK;
}

int
cf_cli_evidence_get (CfCliContext        *ctx,
                     const CfCliCommand  *command,
                     int                  argc,
                     char               **argv)
{
  g_autoptr(CfEvidence) evidence = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *version_arg = NULL;
  g_autofree char *description = NULL;
  const GOptionEntry entries[] = {
    { "out", 0, 0, G_OPTION_ARG_FILENAME, &out, N_("The file to write (required)"), N_("FILE") },
    { "version", 0, 0, G_OPTION_ARG_FILENAME, &version_arg,
      N_("The version to write (default: the latest)"), N_("N") },
    G_OPTION_ENTRY_NULL
  };
  CfStore *store;
  gint version = 0;
  gint64 id;
  int status;

  description = g_strdup_printf (_("Writes a stored version of an item of evidence to FILE, "
                                   "checking it against its recorded SHA-256 as it goes. FILE "
                                   "appears only once it is complete and verified; an existing "
                                   "file is replaced. Content that no longer matches its SHA-256 "
                                   "is refused (exit status 1) and FILE is left as it was.\n"
                                   "\n"
                                   "Example:\n"
                                   "  %s evidence get 3 --version 1 --out pentest-2027.pdf\n"),
                                 CF_CLI_NAME);

  if (!cf_cli_parse_command (command, _("EVIDENCE_ID"), description, entries, NULL,
                             &argc, &argv, &status))
    return status;

  if (!cf_cli_check_arguments (argc, argv, 1, 1, _("Which evidence? Give its id."), &error) ||
      !cf_cli_parse_id (argv[1], &id, &error))
    return cf_cli_report (command->path, error);

  if (version_arg != NULL && !parse_version (version_arg, &version, &error))
    return cf_cli_report (command->path, error);

  if (out == NULL)
    return cf_cli_usage_error (command->path, "%s", _("--out is required."));

  if (!cf_cli_check_output_file (out, &error))
    return cf_cli_report (command->path, error);

  evidence = load_evidence (ctx, id, &store, &error);
  if (evidence == NULL)
    return cf_cli_report (command->path, error);

  if (!save_version (store, id, version, out, &error))
    return cf_cli_report (command->path, error);

  return CF_CLI_EXIT_OK;
}

/* What `evidence set` changes: the options given, on what is stored now. */
typedef struct
{
  const char          *title;          /* NULL to keep it */
  const char          *kind;           /* NULL to keep it */
  gboolean             set_valid_until;
  const char          *valid_until;    /* NULL: it does not expire */
  gboolean             set_requirements;
  const char * const  *requirements;
  gboolean             set_threats;
  GArray              *threats;
} EvidenceEdit;

static gboolean
edit_evidence_cb (CfEvidence  *evidence,
                  gpointer     user_data,
                  GError     **error)
{
  const EvidenceEdit *edit = user_data;

  /* Options not given keep what was recorded. */
  if (edit->title != NULL)
    cf_evidence_set_title (evidence, edit->title);
  if (edit->kind != NULL)
    cf_evidence_set_kind (evidence, edit->kind);
  if (edit->set_valid_until)
    cf_evidence_set_valid_until (evidence, edit->valid_until);
  if (edit->set_requirements)
    cf_evidence_set_requirements (evidence, edit->requirements);
  if (edit->set_threats)
    cf_evidence_set_threats (evidence, (const gint *) (gpointer) edit->threats->data,
                             edit->threats->len);

  return TRUE;
}

int
cf_cli_evidence_set (CfCliContext        *ctx,
                     const CfCliCommand  *command,
                     int                  argc,
                     char               **argv)
{
  g_autoptr(CfCatalogue) catalogue = NULL;
  g_autoptr(GArray) threats = g_array_new (FALSE, FALSE, sizeof (gint));
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) requirement_args = NULL;
  g_auto(GStrv) threat_args = NULL;
  g_auto(GStrv) requirements = NULL;
  g_autofree char *kind_arg = NULL;
  g_autofree char *title_arg = NULL;
  g_autofree char *valid_until_arg = NULL;
  g_autofree char *kind = NULL;
  g_autofree char *valid_until = NULL;
  g_autofree char *title = NULL;
  g_autofree char *kind_table = dup_kind_table ();
  g_autofree char *description = NULL;
  gboolean no_expiry = FALSE;
  gboolean no_requirements = FALSE;
  gboolean no_threats = FALSE;
  const GOptionEntry entries[] = {
    { "title", 0, 0, G_OPTION_ARG_FILENAME, &title_arg,
      N_("What the evidence is, in a few words"), N_("TEXT") },
    { "kind", 0, 0, G_OPTION_ARG_FILENAME, &kind_arg,
      N_("What kind of evidence it is (see below)"), N_("KIND") },
    { "valid-until", 0, 0, G_OPTION_ARG_FILENAME, &valid_until_arg,
      N_("The last day it is valid"), N_("YYYY-MM-DD") },
    { "no-expiry", 0, 0, G_OPTION_ARG_NONE, &no_expiry,
      N_("It does not expire (clears the validity date)"), NULL },
    { "requirement", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &requirement_args,
      N_("An essential requirement it is evidence for; repeat for several (replaces the list)"),
      N_("REQUIREMENT") },
    { "no-requirements", 0, 0, G_OPTION_ARG_NONE, &no_requirements,
      N_("Support no requirement (clears the list)"), NULL },
    { "threat", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &threat_args,
      N_("A threat of the risk register it supports, 3 or T3; repeat for several (replaces the "
         "list)"), N_("N") },
    { "no-threats", 0, 0, G_OPTION_ARG_NONE, &no_threats,
      N_("Support no threat (clears the list)"), NULL },
    G_OPTION_ENTRY_NULL
  };
  EvidenceEdit edit;
  CfStore *store;
  gint64 id;
  int status;

  description = g_strdup_printf (_("Changes what is recorded about an item of evidence; its "
                                   "files never change (“%s evidence add ID FILE "
                                   "--new-version-of EVIDENCE_ID” adds a version). Options not "
                                   "given keep their value; --requirement and --threat replace "
                                   "their lists.\n"
                                   "\n"
                                   "Kinds:\n"
                                   "%s\n"
                                   "Example:\n"
                                   "  %s evidence set 3 --valid-until 2028-06-30 --requirement "
                                   "AnnexI.PartI.2.a --requirement AnnexI.PartII.3\n"),
                                 CF_CLI_NAME, kind_table, CF_CLI_NAME);

  if (!cf_cli_parse_command (command, _("EVIDENCE_ID"), description, entries, NULL,
                             &argc, &argv, &status))
    return status;

  if (!cf_cli_check_arguments (argc, argv, 1, 1, _("Which evidence? Give its id."), &error) ||
      !cf_cli_parse_id (argv[1], &id, &error))
    return cf_cli_report (command->path, error);

  if (valid_until_arg != NULL && no_expiry)
    return cf_cli_usage_error (command->path, "%s",
                               _("--valid-until and --no-expiry exclude each other."));
  if (requirement_args != NULL && no_requirements)
    return cf_cli_usage_error (command->path, "%s",
                               _("--requirement and --no-requirements exclude each other."));
  if (threat_args != NULL && no_threats)
    return cf_cli_usage_error (command->path, "%s",
                               _("--threat and --no-threats exclude each other."));

  if (title_arg == NULL && kind_arg == NULL && valid_until_arg == NULL && !no_expiry &&
      requirement_args == NULL && !no_requirements && threat_args == NULL && !no_threats)
    return cf_cli_usage_error (command->path, "%s",
                               _("Nothing to change: give --title, --kind, --valid-until, "
                                 "--no-expiry, --requirement, --no-requirements, --threat or "
                                 "--no-threats."));

  if ((kind_arg != NULL && !parse_kind (kind_arg, &kind, &error)) ||
      (valid_until_arg != NULL && !parse_date (valid_until_arg, &valid_until, &error)) ||
      !parse_threats (threat_args, threats, &error))
    return cf_cli_report (command->path, error);

  if (requirement_args != NULL)
    {
      catalogue = cf_catalogue_load_default (&error);
      if (catalogue == NULL)
        return cf_cli_report (command->path, error);

      requirements = dup_requirements (catalogue, requirement_args, &error);
      if (requirements == NULL)
        return cf_cli_report (command->path, error);
    }

  if (!cf_cli_open_store (ctx, CF_CLI_OPEN_EXISTING, &store, &error))
    return cf_cli_report (command->path, error);
  if (store == NULL)
    {
      set_no_evidence (ctx, id, &error);
      return cf_cli_report (command->path, error);
    }

  /* Read, changed and written in one transaction: another program's change
   * of another field meanwhile is kept, not overwritten with what we read.
   * The store refuses an empty title and a threat the register does not have. */
  title = cf_cli_dup_text_argument (title_arg);
  edit.title = title;
  edit.kind = kind;
  edit.set_valid_until = valid_until != NULL || no_expiry;
  edit.valid_until = valid_until;
  edit.set_requirements = requirement_args != NULL || no_requirements;
  edit.requirements = (const char * const *) requirements;
  edit.set_threats = threat_args != NULL || no_threats;
  edit.threats = threats;
  if (!cf_store_edit_evidence (store, id, edit_evidence_cb, &edit, &error))
    return cf_cli_report (command->path, error);

  return CF_CLI_EXIT_OK;
}

int
cf_cli_evidence_remove (CfCliContext        *ctx,
                        const CfCliCommand  *command,
                        int                  argc,
                        char               **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  CfStore *store;
  gint64 id;
  int status;

  description = g_strdup_printf (_("Removes an item of evidence with all its versions. The "
                                   "audit log keeps its title and the SHA-256 of every version, "
                                   "so what was removed can still be traced.\n"
                                   "\n"
                                   "Example:\n"
                                   "  %s evidence remove 3\n"),
                                 CF_CLI_NAME);

  if (!cf_cli_parse_command (command, _("EVIDENCE_ID"), description, NULL, NULL,
                             &argc, &argv, &status))
    return status;

  if (!cf_cli_check_arguments (argc, argv, 1, 1, _("Which evidence? Give its id."), &error) ||
      !cf_cli_parse_id (argv[1], &id, &error))
    return cf_cli_report (command->path, error);

  if (!cf_cli_open_store (ctx, CF_CLI_OPEN_EXISTING, &store, &error))
    return cf_cli_report (command->path, error);
  if (store == NULL)
    {
      set_no_evidence (ctx, id, &error);
      return cf_cli_report (command->path, error);
    }

  if (!cf_store_remove_evidence (store, id, &error))
    return cf_cli_report (command->path, error);

  return CF_CLI_EXIT_OK;
}

/* How many versions `evidence verify` checks: those of @product_id, or of
 * every product for 0. */
static gboolean
count_versions (CfStore  *store,
                gint64    product_id,
                guint    *n_versions,
                GError  **error)
{
  g_autoptr(GArray) product_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (product_id != 0)
    g_array_append_val (product_ids, product_id);
  else
    {
      g_autoptr(GPtrArray) products = cf_store_list_products (store, error);

      if (products == NULL)
        return FALSE;
      for (guint i = 0; i < products->len; i++)
        {
          gint64 each = cf_record_get_id (CF_RECORD (g_ptr_array_index (products, i)));

          g_array_append_val (product_ids, each);
        }
    }

  *n_versions = 0;
  for (guint p = 0; p < product_ids->len; p++)
    {
      g_autoptr(GPtrArray) items = cf_store_list_evidence (store,
                                                           g_array_index (product_ids, gint64, p),
                                                           error);

      if (items == NULL)
        return FALSE;

      for (guint i = 0; i < items->len; i++)
        {
          CfEvidence *evidence = g_ptr_array_index (items, i);
          g_autoptr(GPtrArray) versions = NULL;

          versions = cf_store_list_evidence_versions (store, cf_evidence_get_id (evidence), error);
          if (versions == NULL)
            return FALSE;
          *n_versions += versions->len;
        }
    }

  return TRUE;
}

static void
print_verify_json (guint      n_checked,
                   GPtrArray *mismatches)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "checked");
  json_builder_add_int_value (builder, n_checked);
  json_builder_set_member_name (builder, "mismatches");
  json_builder_begin_array (builder);
  for (guint i = 0; i < mismatches->len; i++)
    {
      CfEvidenceMismatch *m = g_ptr_array_index (mismatches, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "evidence_id");
      json_builder_add_int_value (builder, m->evidence_id);
      json_builder_set_member_name (builder, "version");
      json_builder_add_int_value (builder, m->version);
      cf_cli_json_add_string (builder, "title", m->title);
      cf_cli_json_add_string (builder, "expected", m->expected);
      /* null: the content could not be read at all. */
      cf_cli_json_add_string (builder, "actual", m->actual);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  cf_cli_json_print (builder);
}

/* One line per version that does not match, so that grep finds it whole. */
static void
print_mismatches (GPtrArray *mismatches)
{
  for (guint i = 0; i < mismatches->len; i++)
    {
      CfEvidenceMismatch *m = g_ptr_array_index (mismatches, i);

      if (m->actual != NULL)
        cf_cli_print (_("evidence %" PRId64 " version %d “%s”: recorded %s, found %s\n"),
                      m->evidence_id, m->version, m->title, m->expected, m->actual);
      else
        cf_cli_print (_("evidence %" PRId64 " version %d “%s”: recorded %s, could not be read\n"),
                      m->evidence_id, m->version, m->title, m->expected);
    }
}

int
cf_cli_evidence_verify (CfCliContext        *ctx,
                        const CfCliCommand  *command,
                        int                  argc,
                        char               **argv)
{
  g_autoptr(GPtrArray) mismatches = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(Progress) progress = { NULL, };
  g_autofree char *description = NULL;
  gboolean json = FALSE;
  const GOptionEntry entries[] = { CF_CLI_JSON_ENTRY (json), G_OPTION_ENTRY_NULL };
  CfStore *store;
  guint n_checked = 0;
  gint64 id = 0;
  int status;

  description = g_strdup_printf (_("Reads every stored version of the product’s evidence (of "
                                   "every product with “all”) and recomputes its SHA-256. When "
                                   "all match, prints how many versions were checked. Otherwise "
                                   "prints one line per version that does not match, or could "
                                   "not be read, and exits with status 4: the database has been "
                                   "altered or damaged since the file was attached.\n"
                                   "\n"
                                   "Exit status: 0 all match, 4 a version does not match, 1 an "
                                   "error such as no such product, 2 a wrong command line.\n"
                                   "\n"
                                   "Example:\n"
                                   "  %s evidence verify all --json | jq -r '.mismatches[] | "
                                   "\"\\(.evidence_id) v\\(.version)\"'\n"),
                                 CF_CLI_NAME);

  if (!cf_cli_parse_command (command, _("ID|all"), description, entries, NULL,
                             &argc, &argv, &status))
    return status;

  if (!cf_cli_check_arguments (argc, argv, 1, 1,
                               _("Which product? Give its id, or “all”."), &error) ||
      (!g_str_equal (argv[1], "all") && !cf_cli_parse_id (argv[1], &id, &error)))
    return cf_cli_report (command->path, error);

  if (id != 0)
    {
      if (!cf_cli_open_product_store (ctx, id, &store, &error))
        return cf_cli_report (command->path, error);
    }
  else if (!cf_cli_open_store (ctx, CF_CLI_OPEN_EXISTING, &store, &error))
    return cf_cli_report (command->path, error);

  /* No database holds no evidence: nothing to check, nothing altered. */
  if (store == NULL)
    mismatches = g_ptr_array_new ();
  else
    {
      if (!count_versions (store, id, &n_checked, &error))
        return cf_cli_report (command->path, error);

      progress.what = g_strdup (_("checking the evidence"));
      mismatches = cf_store_verify_evidence (store, id, NULL, progress_func (), &progress, &error);
      progress_end (&progress);
      if (mismatches == NULL)
        return cf_cli_report (command->path, error);
    }

  if (json)
    print_verify_json (n_checked, mismatches);
  else if (mismatches->len == 0)
    cf_cli_print (ngettext ("%u version checked, all match\n",
                            "%u versions checked, all match\n", n_checked),
                  n_checked);
  else
    print_mismatches (mismatches);

  if (mismatches->len == 0)
    return CF_CLI_EXIT_OK;

  cf_cli_printerr (ngettext ("%s: %u of %u versions checked does not match its recorded SHA-256: "
                             "the database has been altered or damaged.\n",
                             "%s: %u of %u versions checked do not match their recorded SHA-256: "
                             "the database has been altered or damaged.\n", mismatches->len),
                   CF_CLI_NAME, mismatches->len, n_checked);

  return CF_CLI_EXIT_MISMATCH;
}
