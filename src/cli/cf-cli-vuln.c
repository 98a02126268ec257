/* cf-cli-vuln.c — vuln and incident add, set, list; case show, case remove
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cf-cli"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cf-cvss.h"
#include "cf-error.h"
#include "cf-field.h"
#include "cf-cli-private.h"

/* Fields whose option reads better under another name: a CVE id is what
 * people have at hand, and a CVSS vector is what scanners print. The
 * field's own name stays as a hidden alias, so nothing typed before breaks. */
static const struct
{
  const char *field;
  const char *flag;
  const char *arg;
} renamed[] = {
  { "reference", "cve", N_("ID") },
  { "cvss-vector", "cvss", N_("VECTOR") },
};

/* What `vuln`/`incident` `add` and `set` were given: one option per text
 * field that applies to the kind of case (as typed; NULL where not given),
 * and the typed parts of a case. */
typedef struct
{
  CfCaseKind          kind;
  const CfFieldSpec  *specs;
  guint               n_specs;
  char              **values;
  GArray             *entries;

  gboolean            exploited;
  gboolean            not_exploited;
  gboolean            severe;
  gboolean            not_severe;
  char               *suspected;
  char               *status;
  char              **components;

  CfSuspicion         suspicion_value;
  CfCaseStatus        status_value;
} CaseOptions;

static void
case_options_clear (CaseOptions *o)
{
  for (guint i = 0; i < o->n_specs; i++)
    g_free (o->values[i]);
  g_free (o->values);
  g_clear_pointer (&o->entries, g_array_unref);
  g_free (o->suspected);
  g_free (o->status);
  g_strfreev (o->components);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CaseOptions, case_options_clear)

static const char *
flag_for_field (const char  *field,
                const char **arg)
{
  for (guint i = 0; i < G_N_ELEMENTS (renamed); i++)
    if (g_str_equal (renamed[i].field, field))
      {
        *arg = renamed[i].arg;
        return renamed[i].flag;
      }

  return NULL;
}

static const char *
arg_description (const CfFieldSpec *spec)
{
  switch (spec->format)
    {
    case CF_FIELD_FORMAT_DATE_TIME:
      return N_("ISO8601");
    case CF_FIELD_FORMAT_DATE:
      return N_("YYYY-MM-DD");
    default:
      return N_("TEXT");
    }
}

static void
add_entry (CaseOptions        *o,
           const GOptionEntry *entry)
{
  g_array_append_val (o->entries, *entry);
}

/* Builds the options: the fields of @kind's cases from their
 * specifications, then the typed parts (@for_add: the ones a new case
 * takes; otherwise also their opposites, to clear a flag). */
static void
case_options_init (CaseOptions *o,
                   CfCaseKind   kind,
                   gboolean     for_add)
{
  g_autoptr(CfCase) prototype = cf_case_new (kind);
  const GOptionEntry end = G_OPTION_ENTRY_NULL;

  o->kind = kind;
  o->specs = cf_record_get_specs (CF_RECORD (prototype), &o->n_specs);
  o->values = g_new0 (char *, o->n_specs + 1);
  o->entries = g_array_new (FALSE, TRUE, sizeof (GOptionEntry));

  for (guint i = 0; i < o->n_specs; i++)
    {
      const CfFieldSpec *spec = &o->specs[i];
      const char *arg = arg_description (spec);
      const char *flag;

      if (!cf_case_field_applies (kind, spec->name))
        continue;

      flag = flag_for_field (spec->name, &arg);
      /* The labels are the core's N_() strings, translated by the option context. */
      add_entry (o, &(GOptionEntry) { flag ? flag : spec->name, 0, 0, G_OPTION_ARG_FILENAME,
                                      &o->values[i], spec->label, arg });
      if (flag != NULL)
        add_entry (o, &(GOptionEntry) { spec->name, 0, G_OPTION_FLAG_HIDDEN,
                                        G_OPTION_ARG_FILENAME, &o->values[i], spec->label, arg });
    }

  if (kind == CF_CASE_VULNERABILITY)
    {
      add_entry (o, &(GOptionEntry) { "component", 0, 0, G_OPTION_ARG_FILENAME_ARRAY,
                                      &o->components,
                                      N_("An affected component of the product’s SBOM: NAME, "
                                         "NAME@VERSION or its package URL (repeatable)"),
                                      N_("NAME") });
      add_entry (o, &(GOptionEntry) { "exploited", 0, 0, G_OPTION_ARG_NONE, &o->exploited,
                                      N_("It is actively exploited: Article 14(1) asks for "
                                         "reports"), NULL });
      if (!for_add)
        add_entry (o, &(GOptionEntry) { "not-exploited", 0, 0, G_OPTION_ARG_NONE,
                                        &o->not_exploited,
                                        N_("It is not actively exploited after all"), NULL });
    }
  else
    {
      add_entry (o, &(GOptionEntry) { "severe", 0, 0, G_OPTION_ARG_NONE, &o->severe,
                                      N_("It is a severe incident having an impact on the "
                                         "product’s security: Article 14(3) asks for reports"),
                                      NULL });
      if (!for_add)
        add_entry (o, &(GOptionEntry) { "not-severe", 0, 0, G_OPTION_ARG_NONE, &o->not_severe,
                                        N_("It is not a severe incident after all"), NULL });
      add_entry (o, &(GOptionEntry) { "suspected", 0, 0, G_OPTION_ARG_FILENAME, &o->suspected,
                                      N_("Whether unlawful or malicious acts are suspected: yes, "
                                         "no or unknown"), N_("ANSWER") });
    }

  add_entry (o, &(GOptionEntry) { "status", 0, 0, G_OPTION_ARG_FILENAME, &o->status,
                                  N_("Where its handling stands: open, mitigated or closed"),
                                  N_("STATUS") });
  add_entry (o, &end);
}

static const GOptionEntry *
case_options_get_entries (CaseOptions *o)
{
  return (const GOptionEntry *) o->entries->data;
}

static gboolean
case_options_any (const CaseOptions *o)
{
  for (guint i = 0; i < o->n_specs; i++)
    if (o->values[i] != NULL)
      return TRUE;

  return o->exploited || o->not_exploited || o->severe || o->not_severe ||
         o->suspected != NULL || o->status != NULL || o->components != NULL;
}

/* The options a new case cannot do without: "--title, --aware-at". */
static char *
dup_missing_required (const CaseOptions *o)
{
  g_autoptr(GString) list = g_string_new (NULL);

  for (guint i = 0; i < o->n_specs; i++)
    if (o->specs[i].required && o->values[i] == NULL)
      g_string_append_printf (list, "%s--%s", list->len > 0 ? ", " : "", o->specs[i].name);

  return list->len > 0 ? g_string_free (g_steal_pointer (&list), FALSE) : NULL;
}

/* Reads the typed options and checks every value, the same checks the store
 * makes, so that a mistake is reported before the database is opened. */
static gboolean
case_options_check (CaseOptions  *o,
                    GError      **error)
{
  if (o->exploited && o->not_exploited)
    {
      g_set_error_literal (error, CF_CLI_ERROR, CF_CLI_ERROR_USAGE,
                           _("--exploited and --not-exploited exclude each other."));
      return FALSE;
    }

  if (o->severe && o->not_severe)
    {
      g_set_error_literal (error, CF_CLI_ERROR, CF_CLI_ERROR_USAGE,
                           _("--severe and --not-severe exclude each other."));
      return FALSE;
    }

  if (o->suspected != NULL)
    {
      g_autofree char *shown = cf_cli_dup_text (o->suspected);
      g_autofree char *answer = g_ascii_strdown (g_strstrip (shown), -1);

      if (!cf_suspicion_from_string (answer, &o->suspicion_value))
        {
          g_set_error (error, CF_CLI_ERROR, CF_CLI_ERROR_USAGE,
                       _("--suspected takes yes, no or unknown, not “%s”."), shown);
          return FALSE;
        }
    }

  if (o->status != NULL)
    {
      g_autofree char *shown = cf_cli_dup_text (o->status);
      g_autofree char *status = g_ascii_strdown (g_strstrip (shown), -1);

      if (!cf_case_status_from_string (status, &o->status_value))
        {
          g_set_error (error, CF_CLI_ERROR, CF_CLI_ERROR_USAGE,
                       _("“%s” is not a status; use open, mitigated or closed."), shown);
          return FALSE;
        }
    }

  for (guint i = 0; o->components != NULL && o->components[i] != NULL; i++)
    {
      g_autofree char *component = cf_cli_dup_text (o->components[i]);

      if (*g_strstrip (component) == '\0')
        {
          g_set_error_literal (error, CF_CLI_ERROR, CF_CLI_ERROR_USAGE,
                               _("--component needs the name of a component."));
          return FALSE;
        }
    }

  for (guint i = 0; i < o->n_specs; i++)
    {
      g_autofree char *value = NULL;

      if (o->values[i] == NULL)
        continue;

      value = cf_cli_dup_text_argument (o->values[i]);
      if (!cf_cli_check_value (&o->specs[i], value, error))
        return FALSE;
    }

  return TRUE;
}

static void
case_options_apply (const CaseOptions *o,
                    CfCase            *c)
{
  for (guint i = 0; i < o->n_specs; i++)
    {
      g_autofree char *value = NULL;

      if (o->values[i] == NULL)
        continue;

      value = cf_cli_dup_text_argument (o->values[i]);
      cf_record_set_field (CF_RECORD (c), o->specs[i].name, value);
    }

  if (o->exploited || o->not_exploited)
    cf_case_set_exploited (c, o->exploited);
  if (o->severe || o->not_severe)
    cf_case_set_severe (c, o->severe);
  if (o->suspected != NULL)
    cf_case_set_suspicion (c, o->suspicion_value);
  if (o->status != NULL)
    cf_case_set_status (c, o->status_value);
}

/* Affected components, matched against the product's SBOMs */

/* “openssl 3.0.13 (pkg:deb/debian/openssl@3.0.13)”: one line of the
 * affected components, as cf_case_dup_components() reads them. */
static char *
dup_component_line (const CfSbomComponent *component)
{
  g_autoptr(GString) line = g_string_new (component->name);

  if (component->version != NULL && *component->version != '\0')
    g_string_append_printf (line, " %s", component->version);
  if (component->purl != NULL && *component->purl != '\0')
    g_string_append_printf (line, " (%s)", component->purl);

  return g_string_free (g_steal_pointer (&line), FALSE);
}

static gboolean
component_matches (const CfSbomComponent *component,
                   const char            *wanted,
                   const char            *name,
                   const char            *version)
{
  g_autofree char *folded = NULL;
  g_autofree char *folded_name = NULL;

  if (g_str_has_prefix (wanted, "pkg:"))
    return g_strcmp0 (component->purl, wanted) == 0;

  folded = g_utf8_casefold (component->name, -1);
  folded_name = g_utf8_casefold (name, -1);
  if (!g_str_equal (folded, folded_name))
    return FALSE;

  return version == NULL || g_strcmp0 (component->version, version) == 0;
}

/* The lines of the components of @sbom that @wanted names: NAME, NAME@VERSION
 * or a package URL. Several versions of one name are all returned. */
static GPtrArray *
find_components (CfSbom     *sbom,
                 const char *wanted)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *name = g_strdup (wanted);
  const char *at = strrchr (wanted, '@');
  const char *version = NULL;

  /* “@scope/name” (npm) starts with an @ that separates no version. */
  if (at != NULL && at != wanted && !g_str_has_prefix (wanted, "pkg:"))
    {
      name[at - wanted] = '\0';
      version = at + 1;
    }

  for (guint i = 0; i < sbom->components->len; i++)
    {
      const CfSbomComponent *component = g_ptr_array_index (sbom->components, i);
      g_autofree char *line = NULL;

      if (!component_matches (component, wanted, name, version))
        continue;

      line = dup_component_line (component);
      if (!g_ptr_array_find_with_equal_func (lines, line, g_str_equal, NULL))
        g_ptr_array_add (lines, g_steal_pointer (&line));
    }

  return g_steal_pointer (&lines);
}

/* Adds the components given with --component to the affected ones. When the
 * product has SBOMs, each must be one of their components (the newest SBOM
 * that has it wins); without an SBOM, the name is taken as given. */
static gboolean
add_components (CfStore     *store,
                CfCase      *c,
                char       **components,
                GError     **error)
{
  gint64 product_id = cf_case_get_product_id (c);
  g_autoptr(GPtrArray) sboms = NULL;
  g_autoptr(GPtrArray) loaded = g_ptr_array_new_with_free_func ((GDestroyNotify) cf_sbom_free);
  g_auto(GStrv) existing = cf_case_dup_components (c);
  g_autoptr(GString) text = NULL;

  if (components == NULL)
    return TRUE;

  sboms = cf_store_list_sboms (store, product_id, error);
  if (sboms == NULL)
    return FALSE;
  for (guint i = 0; i < sboms->len; i++)
    {
      CfSbomInfo *info = g_ptr_array_index (sboms, i);
      CfSbom *sbom = cf_store_load_sbom (store, info->id, error);

      if (sbom == NULL)
        return FALSE;
      g_ptr_array_add (loaded, sbom);
    }

  text = g_string_new (cf_record_get_field (CF_RECORD (c), "affected-components"));
  for (guint i = 0; components[i] != NULL; i++)
    {
      g_autofree char *wanted = g_strstrip (cf_cli_dup_text (components[i]));
      g_autoptr(GPtrArray) lines = NULL;

      for (guint s = 0; s < loaded->len && (lines == NULL || lines->len == 0); s++)
        {
          g_clear_pointer (&lines, g_ptr_array_unref);
          lines = find_components (g_ptr_array_index (loaded, s), wanted);
        }

      if (loaded->len == 0)
        {
          lines = g_ptr_array_new_with_free_func (g_free);
          g_ptr_array_add (lines, g_strdup (wanted));
        }
      else if (lines->len == 0)
        {
          g_set_error (error, CF_ERROR, CF_ERROR_NOT_FOUND,
                       _("“%s” is not a component of product %" PRId64 "’s SBOM; give its name, "
                         "NAME@VERSION or its package URL as “%s sbom components %" PRId64
                         " --search %s” lists them."),
                       wanted, product_id, CF_CLI_NAME, product_id, wanted);
          return FALSE;
        }
      else if (lines->len > 1)
        {
          g_ptr_array_add (lines, NULL);
          {
            g_autofree char *list = g_strjoinv ("; ", (char **) lines->pdata);

            g_set_error (error, CF_ERROR, CF_ERROR_INVALID_INPUT,
                         _("“%s” names several components of product %" PRId64 "’s SBOM (%s); "
                           "give NAME@VERSION or the package URL."),
                         wanted, product_id, list);
          }
          return FALSE;
        }

      if (g_strv_contains ((const char * const *) existing, g_ptr_array_index (lines, 0)))
        continue;

      if (text->len > 0 && text->str[text->len - 1] != '\n')
        g_string_append_c (text, '\n');
      g_string_append (text, g_ptr_array_index (lines, 0));
    }

  cf_record_set_field (CF_RECORD (c), "affected-components", text->str);
  return TRUE;
}

/* Opening what the commands work on */

/**
 * cf_cli_open_case_store:
 *
 * Opens the database for a command about one case, without creating it:
 * a database that does not exist has no case @case_id, which @error says.
 */
gboolean
cf_cli_open_case_store (CfCliContext  *ctx,
                        gint64         case_id,
                        CfStore      **store,
                        GError       **error)
{
  if (!cf_cli_open_store (ctx, CF_CLI_OPEN_EXISTING, store, error))
    return FALSE;

  if (*store == NULL)
    {
      g_autofree char *path = cf_cli_get_db_path (ctx);

      g_set_error (error, CF_ERROR, CF_ERROR_NOT_FOUND,
                   _("There is no case %" PRId64 " in “%s”."), case_id, path);
      return FALSE;
    }

  return TRUE;
}

/* Whether the case is of the kind the command is about: `vuln set` on an
 * incident is a slip that would silently change the wrong record. */
static gboolean
check_case_kind (CfCase      *c,
                 CfCaseKind   kind,
                 GError     **error)
{
  gint64 case_id = cf_record_get_id (CF_RECORD (c));

  if (cf_case_get_kind (c) != kind)
    {
      g_set_error (error, CF_ERROR, CF_ERROR_INVALID_INPUT,
                   kind == CF_CASE_VULNERABILITY
                     ? _("Case %" PRId64 " is an incident, not a vulnerability; change it with "
                         "“%s incident set %" PRId64 "”.")
                     : _("Case %" PRId64 " is a vulnerability, not an incident; change it with "
                         "“%s vuln set %" PRId64 "”."),
                   case_id, CF_CLI_NAME, case_id);
      return FALSE;
    }

  return TRUE;
}

/* JSON */

/**
 * cf_cli_json_add_case:
 *
 * Adds the case as an object: its id and product, the fields that apply to
 * its kind, its flags and status, and the CVSS score where a vector is
 * recorded.
 */
void
cf_cli_json_add_case (JsonBuilder *builder,
                      CfCase      *c)
{
  CfRecord *record = CF_RECORD (c);
  CfCaseKind kind = cf_case_get_kind (c);
  guint n_specs;
  const CfFieldSpec *specs = cf_record_get_specs (record, &n_specs);
  g_autoptr(CfCvss) cvss = NULL;
  const char *vector = cf_record_get_field (record, "cvss-vector");

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, cf_record_get_id (record));
  json_builder_set_member_name (builder, "product_id");
  json_builder_add_int_value (builder, cf_case_get_product_id (c));
  cf_cli_json_add_string (builder, "kind", cf_case_kind_to_string (kind));

  for (guint i = 0; i < n_specs; i++)
    {
      g_autofree char *key = NULL;

      if (!cf_case_field_applies (kind, specs[i].name))
        continue;

      key = g_strdelimit (g_strdup (specs[i].name), "-", '_');
      cf_cli_json_add_string (builder, key, cf_record_get_field (record, specs[i].name));
    }

  if (kind == CF_CASE_VULNERABILITY)
    {
      json_builder_set_member_name (builder, "exploited");
      json_builder_add_boolean_value (builder, cf_case_get_exploited (c));

      if (vector != NULL && (cvss = cf_cvss_parse (vector, NULL)) != NULL)
        {
          json_builder_set_member_name (builder, "cvss_score");
          json_builder_add_double_value (builder, cvss->base_score);
          cf_cli_json_add_string (builder, "cvss_severity", cvss->severity);
        }
      else
        {
          cf_cli_json_add_string (builder, "cvss_score", NULL);
          cf_cli_json_add_string (builder, "cvss_severity", NULL);
        }
    }
  else
    {
      json_builder_set_member_name (builder, "severe");
      json_builder_add_boolean_value (builder, cf_case_get_severe (c));
      cf_cli_json_add_string (builder, "suspected",
                              cf_suspicion_to_string (cf_case_get_suspicion (c)));
    }

  json_builder_set_member_name (builder, "reportable");
  json_builder_add_boolean_value (builder, cf_case_is_reportable (c));
  cf_cli_json_add_string (builder, "status", cf_case_status_to_string (cf_case_get_status (c)));
  json_builder_set_member_name (builder, "update_id");
  if (cf_case_get_update_id (c) != 0)
    json_builder_add_int_value (builder, cf_case_get_update_id (c));
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "is_example");
  json_builder_add_boolean_value (builder, cf_record_get_is_example (record));
  cf_cli_json_add_string (builder, "created_at", cf_case_get_created_at (c));
  cf_cli_json_add_string (builder, "updated_at", cf_record_get_updated_at (record));
  /* The caller adds what only it knows (steps, update), then ends the object. */
}

/* vuln add, incident add */

static int
add_case (CfCliContext        *ctx,
          const CfCliCommand  *command,
          CfCaseKind           kind,
          int                  argc,
          char               **argv)
{
  g_autoptr(CfCase) c = cf_case_new (kind);
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  g_autofree char *missing = NULL;
  g_auto(CaseOptions) o = { 0, };
  gboolean json = FALSE;
  const GOptionEntry json_entries[] = { CF_CLI_JSON_ENTRY (json), G_OPTION_ENTRY_NULL };
  g_autoptr(GArray) entries = NULL;
  CfStore *store;
  gint64 product_id;
  gint64 id;
  int status;

  case_options_init (&o, kind, TRUE);
  /* The case's options, then --json, in one list. */
  entries = g_array_new (FALSE, FALSE, sizeof (GOptionEntry));
  g_array_append_vals (entries, o.entries->data, o.entries->len - 1);
  g_array_append_vals (entries, json_entries, G_N_ELEMENTS (json_entries));

  if (kind == CF_CASE_VULNERABILITY)
    description = g_strdup_printf (_("Records a vulnerability of the product and prints the new "
                                     "case’s id alone. Required: --title, --aware-at (when the "
                                     "manufacturer became aware of it, in ISO 8601; a time "
                                     "without a zone is local time). An actively exploited one "
                                     "(--exploited) is to be reported under Article 14(1): "
                                     "“%s deadlines” shows when each report is due. "
                                     "--component adds a component of the product’s SBOM to the "
                                     "affected ones, with its version and package URL; "
                                     "--reference is the same as --cve.\n"
                                     "\n"
                                     "Example:\n"
                                     "  c=$(%s vuln add 1 --title \"Heap overflow in the web "
                                     "interface\" --aware-at 2026-11-21T09:30+01:00 --exploited "
                                     "--cve CVE-2026-12345 --cvss "
                                     "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H "
                                     "--component openssl@3.0.13)\n"),
                                   CF_CLI_NAME, CF_CLI_NAME);
  else
    description = g_strdup_printf (_("Records an incident having an impact on the security of "
                                     "the product and prints the new case’s id alone. Required: "
                                     "--title, --aware-at (when the manufacturer became aware of "
                                     "it, in ISO 8601; a time without a zone is local time). A "
                                     "severe one (--severe) is to be reported under Article "
                                     "14(3): “%s deadlines” shows when each report is due.\n"
                                     "\n"
                                     "Example:\n"
                                     "  c=$(%s incident add 1 --title \"Update server "
                                     "compromised\" --aware-at 2026-11-21T09:30Z --severe "
                                     "--suspected yes)\n"),
                                   CF_CLI_NAME, CF_CLI_NAME);

  if (!cf_cli_parse_command (command, _("ID"), description, (GOptionEntry *) entries->data, NULL,
                             &argc, &argv, &status))
    return status;

  if (!cf_cli_check_arguments (argc, argv, 1, 1, _("Which product? Give its id."), &error) ||
      !cf_cli_parse_id (argv[1], &product_id, &error))
    return cf_cli_report (command->path, error);

  missing = dup_missing_required (&o);
  if (missing != NULL)
    return cf_cli_usage_error (command->path,
                               kind == CF_CASE_VULNERABILITY
                                 ? _("A new vulnerability needs %s.")
                                 : _("A new incident needs %s."),
                               missing);

  if (!case_options_check (&o, &error))
    return cf_cli_report (command->path, error);

  case_options_apply (&o, c);

  if (!cf_cli_open_product_store (ctx, product_id, &store, &error))
    return cf_cli_report (command->path, error);

  cf_case_set_product_id (c, product_id);
  if (!add_components (store, c, o.components, &error))
    return cf_cli_report (command->path, error);

  id = cf_store_add_case (store, product_id, c, &error);
  if (id == 0)
    return cf_cli_report (command->path, error);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      cf_cli_json_add_case (builder, c);
      json_builder_end_object (builder);
      cf_cli_json_print (builder);
    }
  else
    /* The id alone, so that `c=$(conformity-cli vuln add …)` just works. */
    cf_cli_print ("%" G_GINT64_FORMAT "\n", id);

  return CF_CLI_EXIT_OK;
}

int
cf_cli_vuln_add (CfCliContext        *ctx,
                 const CfCliCommand  *command,
                 int                  argc,
                 char               **argv)
{
  return add_case (ctx, command, CF_CASE_VULNERABILITY, argc, argv);
}

int
cf_cli_incident_add (CfCliContext        *ctx,
                     const CfCliCommand  *command,
                     int                  argc,
                     char               **argv)
{
  return add_case (ctx, command, CF_CASE_INCIDENT, argc, argv);
}

/* vuln set, incident set */

/* What `vuln set` and `incident set` change: the options given, on what is
 * stored now. */
typedef struct
{
  const CaseOptions *options;
  CfStore           *store;
} CaseEdit;

static gboolean
edit_case_cb (CfRecord  *record,
              gpointer   user_data,
              GError   **error)
{
  const CaseEdit *edit = user_data;
  CfCase *c = CF_CASE (record);

  if (!check_case_kind (c, edit->options->kind, error))
    return FALSE;

  /* Components add to those recorded now, one added meanwhile included. */
  case_options_apply (edit->options, c);
  return add_components (edit->store, c, edit->options->components, error);
}

static int
set_case (CfCliContext        *ctx,
          const CfCliCommand  *command,
          CfCaseKind           kind,
          int                  argc,
          char               **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  g_auto(CaseOptions) o = { 0, };
  CaseEdit edit;
  CfStore *store;
  gint64 case_id;
  int status;

  case_options_init (&o, kind, FALSE);

  if (kind == CF_CASE_VULNERABILITY)
    description = g_strdup_printf (_("Changes a vulnerability; CASE is the id “vuln add” printed. "
                                     "Only the options given change; an empty text clears a "
                                     "field. --component adds to the affected components. "
                                     "Recording a fix’s time (--fix-available-at) starts the 14 "
                                     "days of the final report.\n"
                                     "\n"
                                     "Example:\n"
                                     "  %s vuln set 3 --fix \"Upgrade to 2.4.2\" "
                                     "--fix-available-at 2026-11-25T12:00Z --status mitigated\n"),
                                   CF_CLI_NAME);
  else
    description = g_strdup_printf (_("Changes an incident; CASE is the id “incident add” "
                                     "printed. Only the options given change; an empty text "
                                     "clears a field.\n"
                                     "\n"
                                     "Example:\n"
                                     "  %s incident set 4 --suspected no --root-cause "
                                     "\"Misconfigured firewall\"\n"),
                                   CF_CLI_NAME);

  if (!cf_cli_parse_command (command, _("CASE"), description, case_options_get_entries (&o),
                             NULL, &argc, &argv, &status))
    return status;

  if (!cf_cli_check_arguments (argc, argv, 1, 1, _("Which case? Give its id."), &error) ||
      !cf_cli_parse_id (argv[1], &case_id, &error))
    return cf_cli_report (command->path, error);

  if (!case_options_any (&o))
    return cf_cli_usage_error (command->path, "%s",
                               _("Nothing to change: give at least one option, such as "
                                 "--status."));

  if (!case_options_check (&o, &error))
    return cf_cli_report (command->path, error);

  if (!cf_cli_open_case_store (ctx, case_id, &store, &error))
    return cf_cli_report (command->path, error);

  /* Read, changed and written in one transaction: another program's change
   * of another field meanwhile is kept, not overwritten with what we read. */
  edit.options = &o;
  edit.store = store;
  if (!cf_store_edit_case (store, case_id, edit_case_cb, &edit, &error))
    return cf_cli_report (command->path, error);

  return CF_CLI_EXIT_OK;
}

int
cf_cli_vuln_set (CfCliContext        *ctx,
                 const CfCliCommand  *command,
                 int                  argc,
                 char               **argv)
{
  return set_case (ctx, command, CF_CASE_VULNERABILITY, argc, argv);
}

int
cf_cli_incident_set (CfCliContext        *ctx,
                     const CfCliCommand  *command,
                     int                  argc,
                     char               **argv)
{
  return set_case (ctx, command, CF_CASE_INCIDENT, argc, argv);
}

/* vuln list, incident list */

/* “2026-11-21 09:30 UTC”: short enough for a table. */
static char *
dup_short_time (const char *iso)
{
  g_autoptr(GDateTime) time = iso ? cf_field_parse_date_time (iso) : NULL;

  if (time == NULL)
    return g_strdup (cf_cli_or_dash (iso));

  return g_date_time_format (time, "%Y-%m-%d %H:%M UTC");
}

static void
print_cases (GPtrArray  *cases,
             CfCaseKind  kind)
{
  g_autoptr(CfCliTable) table = cf_cli_table_new (6);

  cf_cli_table_set_width (table, CF_CLI_TEXT_WIDTH);
  cf_cli_table_add_row (table, (const char *[]) {
                          _("CASE"), _("PRODUCT"), _("STATUS"),
                          kind == CF_CASE_VULNERABILITY ? _("EXPLOITED") : _("SEVERE"),
                          _("AWARE AT"), _("TITLE") });

  for (guint i = 0; i < cases->len; i++)
    {
      CfCase *c = g_ptr_array_index (cases, i);
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, cf_record_get_id (CF_RECORD (c)));
      g_autofree char *product = g_strdup_printf ("%" G_GINT64_FORMAT, cf_case_get_product_id (c));
      g_autofree char *aware = dup_short_time (cf_record_get_field (CF_RECORD (c), "aware-at"));

      cf_cli_table_add_row (table, (const char *[]) {
                              id, product, cf_case_status_to_string (cf_case_get_status (c)),
                              cf_case_is_reportable (c) ? _("yes") : _("no"),
                              aware, cf_case_get_title (c) });
    }

  cf_cli_table_print (table);
}

static int
list_cases (CfCliContext        *ctx,
            const CfCliCommand  *command,
            CfCaseKind           kind,
            int                  argc,
            char               **argv)
{
  g_autoptr(GPtrArray) cases = NULL;
  g_autoptr(GPtrArray) shown = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  gboolean json = FALSE;
  const GOptionEntry entries[] = { CF_CLI_JSON_ENTRY (json), G_OPTION_ENTRY_NULL };
  CfStore *store;
  gint64 product_id = 0;
  int status;

  description = g_strdup_printf (kind == CF_CASE_VULNERABILITY
                                   ? _("Lists the vulnerabilities of one product, or of all "
                                       "products without ID, the most recently discovered "
                                       "first. EXPLOITED says whether Article 14 asks for "
                                       "reports; “%s case show CASE” shows one in full.\n"
                                       "\n"
                                       "Example:\n"
                                       "  %s vuln list 1 --json | jq '.[] | "
                                       "select(.exploited) | .id'\n")
                                   : _("Lists the incidents of one product, or of all "
                                       "products without ID, the most recently discovered "
                                       "first. SEVERE says whether Article 14 asks for "
                                       "reports; “%s case show CASE” shows one in full.\n"
                                       "\n"
                                       "Example:\n"
                                       "  %s incident list --json | jq '.[] | "
                                       "select(.severe) | .id'\n"),
                                 CF_CLI_NAME, CF_CLI_NAME);

  if (!cf_cli_parse_command (command, _("[ID]"), description, entries, NULL, &argc, &argv,
                             &status))
    return status;

  if (!cf_cli_check_arguments (argc, argv, 0, 1, NULL, &error) ||
      (argc == 2 && !cf_cli_parse_id (argv[1], &product_id, &error)))
    return cf_cli_report (command->path, error);

  if (product_id != 0)
    {
      if (!cf_cli_open_product_store (ctx, product_id, &store, &error))
        return cf_cli_report (command->path, error);
    }
  else if (!cf_cli_open_store (ctx, CF_CLI_OPEN_EXISTING, &store, &error))
    return cf_cli_report (command->path, error);

  if (store != NULL)
    {
      cases = cf_store_list_cases (store, product_id, &error);
      if (cases == NULL)
        return cf_cli_report (command->path, error);

      for (guint i = 0; i < cases->len; i++)
        if (cf_case_get_kind (g_ptr_array_index (cases, i)) == kind)
          g_ptr_array_add (shown, g_ptr_array_index (cases, i));
    }

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < shown->len; i++)
        {
          cf_cli_json_add_case (builder, g_ptr_array_index (shown, i));
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      cf_cli_json_print (builder);
    }
  else if (shown->len == 0)
    cf_cli_print ("%s\n", kind == CF_CASE_VULNERABILITY
                            ? _("No vulnerabilities are recorded.")
                            : _("No incidents are recorded."));
  else
    print_cases (shown, kind);

  return CF_CLI_EXIT_OK;
}

int
cf_cli_vuln_list (CfCliContext        *ctx,
                  const CfCliCommand  *command,
                  int                  argc,
                  char               **argv)
{
  return list_cases (ctx, command, CF_CASE_VULNERABILITY, argc, argv);
}

int
cf_cli_incident_list (CfCliContext        *ctx,
                      const CfCliCommand  *command,
                      int                  argc,
                      char               **argv)
{
  return list_cases (ctx, command, CF_CASE_INCIDENT, argc, argv);
}

/* case show */

static void
print_case (CfCase           *c,
            CfProduct        *product,
            GPtrArray        *deadlines,
            CfSecurityUpdate *update,
            GDateTime        *now)
{
  g_autoptr(CfCliTable) table = cf_cli_table_new_key_value ();
  CfRecord *record = CF_RECORD (c);
  CfCaseKind kind = cf_case_get_kind (c);
  guint n_specs;
  const CfFieldSpec *specs = cf_record_get_specs (record, &n_specs);
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, cf_record_get_id (record));
  g_autofree char *product_text = NULL;

  product_text = g_strdup_printf ("%" G_GINT64_FORMAT " (%s)", cf_case_get_product_id (c),
                                  product ? cf_product_get_name (product) : "?");

  cf_cli_table_add_pair (table, _("Case"), id);
  cf_cli_table_add_pair (table, _("Kind"), cf_case_kind_label (kind));
  cf_cli_table_add_pair (table, _("Product"), product_text);
  cf_cli_table_add_pair (table, _("Status"), cf_case_status_label (cf_case_get_status (c)));
  if (kind == CF_CASE_VULNERABILITY)
    cf_cli_table_add_pair (table, _("Actively exploited"),
                           cf_case_get_exploited (c) ? _("yes") : _("no"));
  else
    {
      cf_cli_table_add_pair (table, _("Severe"), cf_case_get_severe (c) ? _("yes") : _("no"));
      cf_cli_table_add_pair (table, _("Unlawful or malicious acts"),
                             cf_suspicion_label (cf_case_get_suspicion (c)));
    }

  for (guint i = 0; i < n_specs; i++)
    if (cf_case_field_applies (kind, specs[i].name))
      cf_cli_table_add_pair (table, _(specs[i].label),
                             cf_cli_or_dash (cf_record_get_field (record, specs[i].name)));

  if (kind == CF_CASE_VULNERABILITY)
    {
      const char *vector = cf_record_get_field (record, "cvss-vector");
      g_autoptr(CfCvss) cvss = vector ? cf_cvss_parse (vector, NULL) : NULL;

      if (cvss != NULL)
        {
          /* Translators: a CVSS base score and its rating, “9.8 (Critical)” */
          g_autofree char *score = g_strdup_printf (_("%.1f (%s)"), cvss->base_score,
                                                    cf_cvss_severity_label (cvss->severity));

          cf_cli_table_add_pair (table, _("CVSS base score"), score);
        }
    }

  if (update != NULL)
    {
      /* Translators: a security update, “2.4.2, released on 2026-11-25 (update 2)” */
      CfRecord *fix = CF_RECORD (update);
      g_autofree char *text = g_strdup_printf (_("%s, released on %s (update %" PRId64 ")"),
                                               cf_record_get_field (fix, "version"),
                                               cf_record_get_field (fix, "released-on"),
                                               cf_record_get_id (fix));

      cf_cli_table_add_pair (table, _("Fixed by security update"), text);
    }

  cf_cli_table_add_pair (table, _("Example data"),
                         cf_record_get_is_example (record) ? _("yes") : _("no"));
  cf_cli_table_add_pair (table, _("Created"), cf_case_get_created_at (c));
  cf_cli_table_add_pair (table, _("Updated"), cf_record_get_updated_at (record));
  cf_cli_table_print (table);

  cf_cli_print ("\n%s\n", _("Article 14 reports:"));
  if (deadlines->len == 0)
    {
      cf_cli_print_wrapped (kind == CF_CASE_VULNERABILITY
                              ? _("None: Article 14 asks for reports on actively exploited "
                                  "vulnerabilities only.")
                              : _("None: Article 14 asks for reports on severe incidents only."),
                            2, CF_CLI_TEXT_WIDTH);
      return;
    }

  for (guint i = 0; i < deadlines->len; i++)
    cf_cli_print_deadline_step (g_ptr_array_index (deadlines, i), now);
}

int
cf_cli_case_show (CfCliContext        *ctx,
                  const CfCliCommand  *command,
                  int                  argc,
                  char               **argv)
{
  g_autoptr(CfCase) c = NULL;
  g_autoptr(CfProduct) product = NULL;
  g_autoptr(CfSecurityUpdate) update = NULL;
  g_autoptr(GPtrArray) sent = NULL;
  g_autoptr(GPtrArray) deadlines = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  gboolean json = FALSE;
  const GOptionEntry entries[] = { CF_CLI_JSON_ENTRY (json), G_OPTION_ENTRY_NULL };
  CfStore *store;
  gint64 case_id;
  int status;

  description = g_strdup_printf (_("Shows a vulnerability or an incident: every field, its "
                                   "Article 14 reports with when each is due and when, to whom "
                                   "and under which reference each was submitted, and the "
                                   "security update that fixes it.\n"
                                   "\n"
                                   "Example:\n"
                                   "  %s case show 3 --json | jq '.steps[] | "
                                   "select(.sent == null) | .due'\n"),
                                 CF_CLI_NAME);

  if (!cf_cli_parse_command (command, _("CASE"), description, entries, NULL, &argc, &argv,
                             &status))
    return status;

  if (!cf_cli_check_arguments (argc, argv, 1, 1, _("Which case? Give its id."), &error) ||
      !cf_cli_parse_id (argv[1], &case_id, &error))
    return cf_cli_report (command->path, error);

  if (!cf_cli_open_case_store (ctx, case_id, &store, &error) ||
      (c = cf_store_get_case (store, case_id, &error)) == NULL ||
      (sent = cf_store_list_case_steps (store, case_id, FALSE, &error)) == NULL)
    return cf_cli_report (command->path, error);

  product = cf_store_get_product (store, cf_case_get_product_id (c), NULL);
  if (cf_case_get_update_id (c) != 0)
    {
      update = cf_store_get_security_update (store, cf_case_get_update_id (c), &error);
      if (update == NULL)
        return cf_cli_report (command->path, error);
    }
  deadlines = cf_deadlines_for_case (c, sent);
  for (guint i = 0; i < deadlines->len && product != NULL; i++)
    {
      CfDeadline *deadline = g_ptr_array_index (deadlines, i);

      deadline->product_name = g_strdup (cf_product_get_name (product));
    }

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      cf_cli_json_add_case (builder, c);
      cf_cli_json_add_string (builder, "product_name",
                              product ? cf_product_get_name (product) : NULL);

      json_builder_set_member_name (builder, "steps");
      json_builder_begin_array (builder);
      for (guint i = 0; i < deadlines->len; i++)
        cf_cli_json_add_deadline (builder, g_ptr_array_index (deadlines, i), now);
      json_builder_end_array (builder);

      json_builder_set_member_name (builder, "update");
      if (update != NULL)
        {
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "id");
          json_builder_add_int_value (builder, cf_record_get_id (CF_RECORD (update)));
          cf_cli_json_add_record (builder, CF_RECORD (update));
          json_builder_end_object (builder);
        }
      else
        json_builder_add_null_value (builder);

      json_builder_end_object (builder);
      cf_cli_json_print (builder);
    }
  else
    print_case (c, product, deadlines, update, now);

  return CF_CLI_EXIT_OK;
}

/* case remove */

int
cf_cli_case_remove (CfCliContext        *ctx,
                    const CfCliCommand  *command,
                    int                  argc,
                    char               **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  CfStore *store;
  gint64 case_id;
  int status;

  description = g_strdup_printf (_("Removes a vulnerability or an incident recorded by mistake. "
                                   "A case with a report recorded as submitted stays: it is part "
                                   "of the record of what the CSIRT was told. The audit log "
                                   "keeps the removal.\n"
                                   "\n"
                                   "Example:\n"
                                   "  %s case remove 3\n"),
                                 CF_CLI_NAME);

  if (!cf_cli_parse_command (command, _("CASE"), description, NULL, NULL, &argc, &argv, &status))
    return status;

  if (!cf_cli_check_arguments (argc, argv, 1, 1, _("Which case? Give its id."), &error) ||
      !cf_cli_parse_id (argv[1], &case_id, &error))
    return cf_cli_report (command->path, error);

  if (!cf_cli_open_case_store (ctx, case_id, &store, &error) ||
      !cf_store_remove_case (store, case_id, &error))
    return cf_cli_report (command->path, error);

  return CF_CLI_EXIT_OK;
}
