/* cf-csaf.c — a CSAF 2.0 advisory (profile csaf_security_advisory) from a case
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cf-csaf"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>

#include "cf-csaf.h"
#include "cf-cvss.h"
#include "cf-error.h"
#include "cf-field.h"

/* The advisory is written in English ("lang": "en"): it is read by users and
 * CSIRTs whatever language the window speaks, so only refusals are
 * translated. */

typedef struct
{
  CfCase           *c;
  CfProduct        *product;
  CfManufacturer   *manufacturer;
  CfSecurityUpdate *update;     /* nullable */
  GPtrArray        *affected;   /* product ids of the product's affected versions */
  GPtrArray        *components; /* product ids of the affected components */
  GPtrArray        *all;        /* both: what the vulnerability's statements cover */
  char             *fixed_id;   /* nullable */
} Advisory;

static void
advisory_clear (Advisory *a)
{
  g_clear_object (&a->c);
  g_clear_object (&a->product);
  g_clear_object (&a->manufacturer);
  g_clear_object (&a->update);
  g_clear_pointer (&a->affected, g_ptr_array_unref);
  g_clear_pointer (&a->components, g_ptr_array_unref);
  g_clear_pointer (&a->all, g_ptr_array_unref);
  g_clear_pointer (&a->fixed_id, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Advisory, advisory_clear)

static const char *
field (gpointer    record,
       const char *name)
{
  const char *value = cf_record_get_field (CF_RECORD (record), name);

  return value != NULL && *value != '\0' ? value : NULL;
}

static void
add_string (JsonBuilder *b,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (b, name);
  json_builder_add_string_value (b, value);
}

static void
add_ids (JsonBuilder *b,
         const char  *name,
         GPtrArray   *ids)
{
  json_builder_set_member_name (b, name);
  json_builder_begin_array (b);
  for (guint i = 0; i < ids->len; i++)
    json_builder_add_string_value (b, g_ptr_array_index (ids, i));
  json_builder_end_array (b);
}

static void
add_note (JsonBuilder *b,
          const char  *category,
          const char  *title,
          const char  *text)
{
  if (text == NULL)
    return;
  json_builder_begin_object (b);
  add_string (b, "category", category);
  add_string (b, "text", text);
  add_string (b, "title", title);
  json_builder_end_object (b);
}

/* A stored time ("2026-11-21T09:30:00Z"), or NULL. */
static GDateTime *
parse_time (const char *text)
{
  return text != NULL ? g_date_time_new_from_iso8601 (text, NULL) : NULL;
}

gboolean
cf_csaf_is_cve_id (const char *text)
{
  return text != NULL && g_regex_match_simple ("^CVE-[0-9]{4}-[0-9]{4,}$", text, 0, 0);
}

/**
 * cf_csaf_tracking_id:
 *
 * Returns: (transfer full): "CONFORMITY-3-12" for case 12 of product 3. It
 *   stays the same across revisions, which a CVE would not: the CVE is often
 *   assigned after the first advisory.
 */
char *
cf_csaf_tracking_id (CfCase *c)
{
  return g_strdup_printf ("CONFORMITY-%" G_GINT64_FORMAT "-%" G_GINT64_FORMAT,
                          cf_case_get_product_id (c), cf_record_get_id (CF_RECORD (c)));
}

/**
 * cf_csaf_split_versions:
 * @text: the case's "affected-versions", separated by commas, semicolons
 *   or lines
 *
 * Returns: (transfer full): the versions or ranges, trimmed, each once
 */
char **
cf_csaf_split_versions (const char *text)
{
  g_auto(GStrv) parts = g_regex_split_simple ("[,;\n]+", text != NULL ? text : "", 0, 0);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GPtrArray) seen = g_ptr_array_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *part = g_strstrip (parts[i]);

      if (*part == '\0' || g_ptr_array_find_with_equal_func (seen, part, g_str_equal, NULL))
        continue;
      g_ptr_array_add (seen, part);
      g_strv_builder_add (builder, part);
    }
  return g_strv_builder_end (builder);
}

/**
 * cf_csaf_is_version_range:
 *
 * Returns: whether @version says more than one version ("< 2.1", "all
 *   before 3.0", "1.0 - 1.4"). CSAF's mandatory test 6.1.31 refuses such
 *   words in a single product_version.
 */
gboolean
cf_csaf_is_version_range (const char *version)
{
  return g_regex_match_simple ("[<>=*]|\\s-\\s|\\b(after|all|and|before|earlier|later|or|prior|"
                               "through|to|until|versions?)\\b",
                               version, G_REGEX_CASELESS, 0);
}

/* json-glib writes doubles with 17 digits ("9.8000000000000007"); a CVSS
 * score has one decimal, so the scores are rewritten as such. */
static gboolean
round_score_cb (const GMatchInfo *match,
                GString          *result,
                gpointer          user_data)
{
  g_autofree char *key = g_match_info_fetch (match, 1);
  g_autofree char *number = g_match_info_fetch (match, 2);
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  g_string_append (result, key);
  g_string_append (result, g_ascii_formatd (buffer, sizeof buffer, "%.1f",
                                            g_ascii_strtod (number, NULL)));
  return FALSE;
}

/**
 * cf_csaf_node_to_text:
 *
 * Returns: (transfer full): @root as pretty-printed JSON, scores with one
 *   decimal
 */
char *
cf_csaf_node_to_text (JsonNode *root)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GRegex) scores = g_regex_new ("(\"(?:baseScore|score)\" : )([-+0-9.eE]+)", 0, 0, NULL);
  g_autofree char *text = NULL;

  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  text = json_generator_to_data (generator, NULL);
  return g_regex_replace_eval (scores, text, -1, 0, 0, round_score_cb, NULL, NULL);
}

/* Loading */

static gboolean
load (CfStore   *store,
      gint64     case_id,
      Advisory  *a,
      GError   **error)
{
  gint64 update_id;

  a->c = cf_store_get_case (store, case_id, error);
  if (a->c == NULL)
    return FALSE;
  if (cf_case_get_kind (a->c) != CF_CASE_VULNERABILITY)
    {
      g_set_error (error, CF_ERROR, CF_ERROR_INVALID_INPUT,
                   _("Case %" PRId64 " is an incident; a CSAF advisory describes a vulnerability, "
                     "so none is made for an incident."), case_id);
      return FALSE;
    }

  a->manufacturer = cf_store_get_manufacturer (store, error);
  if (a->manufacturer == NULL)
    return FALSE;
  if (field (a->manufacturer, "name") == NULL)
    {
      g_set_error (error, CF_ERROR, CF_ERROR_INVALID_INPUT,
                   _("A CSAF advisory names its publisher: enter the manufacturer’s name first."));
      return FALSE;
    }
  if (field (a->manufacturer, "website") == NULL)
    {
      g_set_error (error, CF_ERROR, CF_ERROR_INVALID_INPUT,
                   _("A CSAF advisory needs the publisher’s namespace, a web address the "
                     "manufacturer controls: enter the manufacturer’s website first."));
      return FALSE;
    }

  a->product = cf_store_get_product (store, cf_case_get_product_id (a->c), error);
  if (a->product == NULL)
    return FALSE;

  update_id = cf_case_get_update_id (a->c);
  if (update_id != 0)
    {
      a->update = cf_store_get_security_update (store, update_id, error);
      if (a->update == NULL)
        return FALSE;
    }
  return TRUE;
}

/* The product tree */

static char *
full_name (Advisory   *a,
           const char *version)
{
  return g_strjoin (" ", field (a->manufacturer, "name"), field (a->product, "name"),
                    version, NULL);
}

static void
add_product (JsonBuilder *b,
             Advisory    *a,
             const char  *name,
             const char  *product_id)
{
  json_builder_set_member_name (b, "product");
  json_builder_begin_object (b);
  add_string (b, "name", name);
  add_string (b, "product_id", product_id);
  json_builder_set_member_name (b, "product_identification_helper");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "model_numbers");
  json_builder_begin_array (b);
  json_builder_add_string_value (b, field (a->product, "model"));
  json_builder_end_array (b);
  json_builder_end_object (b);
  json_builder_end_object (b);
}

static void
add_version_branch (JsonBuilder *b,
                    Advisory    *a,
                    const char  *version,
                    const char  *product_id)
{
  g_autofree char *name = full_name (a, version);

  json_builder_begin_object (b);
  add_string (b, "category",
              cf_csaf_is_version_range (version) ? "product_version_range" : "product_version");
  add_string (b, "name", version);
  add_product (b, a, name, product_id);
  json_builder_end_object (b);
}

static char *
product_id (Advisory   *a,
            const char *suffix)
{
  return g_strdup_printf ("CFPID-%" G_GINT64_FORMAT "%s", cf_record_get_id (CF_RECORD (a->product)),
                          suffix);
}

static void
add_product_tree (JsonBuilder *b,
                  Advisory    *a)
{
  g_auto(GStrv) versions = cf_csaf_split_versions (field (a->c, "affected-versions"));
  g_auto(GStrv) components = cf_case_dup_components (a->c);
  const char *fixed = a->update != NULL ? field (a->update, "version") : NULL;
  g_autofree char *before_fix = NULL;

  /* Without a list of affected versions, the product's own version is the
   * one known to be affected; once a fix exists, every earlier one is. */
  if (versions[0] == NULL)
    {
      const char *version = field (a->product, "version");

      g_clear_pointer (&versions, g_strfreev);
      if (fixed != NULL)
        version = before_fix = g_strdup_printf ("vers:generic/<%s", fixed);
      versions = g_new0 (char *, 2);
      versions[0] = g_strdup (version);
    }

  json_builder_set_member_name (b, "product_tree");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "branches");
  json_builder_begin_array (b);
  json_builder_begin_object (b);
  add_string (b, "category", "vendor");
  add_string (b, "name", field (a->manufacturer, "name"));
  json_builder_set_member_name (b, "branches");
  json_builder_begin_array (b);
  json_builder_begin_object (b);
  add_string (b, "category", "product_name");
  add_string (b, "name", field (a->product, "name"));
  if (versions[0] == NULL)
    {
      g_autofree char *name = full_name (a, NULL);
      char *id = product_id (a, "");

      add_product (b, a, name, id);
      g_ptr_array_add (a->affected, id);
    }
  else
    {
      json_builder_set_member_name (b, "branches");
      json_builder_begin_array (b);
      for (guint i = 0; versions[i] != NULL; i++)
        {
          g_autofree char *suffix = g_strdup_printf ("-V%u", i + 1);
          char *id = product_id (a, suffix);

          add_version_branch (b, a, versions[i], id);
          g_ptr_array_add (a->affected, id);
        }
      if (fixed != NULL && !g_strv_contains ((const char * const *) versions, fixed))
        {
          a->fixed_id = product_id (a, "-FIXED");
          add_version_branch (b, a, fixed, a->fixed_id);
        }
      json_builder_end_array (b);
    }
  json_builder_end_object (b);
  json_builder_end_array (b);
  json_builder_end_object (b);
  json_builder_end_array (b);

  /* Affected components stand beside the product; a package URL lets a
   * reader match them against its own SBOMs. */
  if (components[0] != NULL)
    {
      json_builder_set_member_name (b, "full_product_names");
      json_builder_begin_array (b);
      for (guint i = 0; components[i] != NULL; i++)
        {
          g_autofree char *suffix = g_strdup_printf ("-C%u", i + 1);
          char *id = product_id (a, suffix);
          g_autofree char *purl = cf_case_component_dup_purl (components[i]);

          json_builder_begin_object (b);
          add_string (b, "name", components[i]);
          add_string (b, "product_id", id);
          if (purl != NULL)
            {
              json_builder_set_member_name (b, "product_identification_helper");
              json_builder_begin_object (b);
              add_string (b, "purl", purl);
              json_builder_end_object (b);
            }
          json_builder_end_object (b);
          g_ptr_array_add (a->components, id);
        }
      json_builder_end_array (b);
    }
  json_builder_end_object (b);

  for (guint i = 0; i < a->affected->len; i++)
    g_ptr_array_add (a->all, g_ptr_array_index (a->affected, i));
  for (guint i = 0; i < a->components->len; i++)
    g_ptr_array_add (a->all, g_ptr_array_index (a->components, i));
}

/* The document */

typedef struct
{
  GDateTime  *date;
  const char *summary;
} Revision;

/* The revisions follow what happened to the case: recorded, fixed, closed,
 * updated since. Dates never go backwards, as CSAF requires a sorted history. */
static GArray *
list_revisions (Advisory *a)
{
  GArray *revisions = g_array_new (FALSE, FALSE, sizeof (Revision));
  g_autoptr(GDateTime) created = parse_time (cf_case_get_created_at (a->c));
  g_autoptr(GDateTime) fixed = cf_case_dup_fix_available_at (a->c);
  g_autoptr(GDateTime) updated = parse_time (cf_record_get_updated_at (CF_RECORD (a->c)));
  CfCaseStatus status = cf_case_get_status (a->c);
  Revision r;

  r.date = g_date_time_ref (created != NULL ? created : updated);
  r.summary = "Initial version.";
  g_array_append_val (revisions, r);

#define LAST (g_array_index (revisions, Revision, revisions->len - 1).date)
  if (status != CF_CASE_OPEN && fixed != NULL)
    {
      r.date = g_date_time_ref (g_date_time_compare (fixed, LAST) > 0 ? fixed : LAST);
      r.summary = "Fix or mitigation available.";
      g_array_append_val (revisions, r);
    }
  if (status == CF_CASE_CLOSED && updated != NULL)
    {
      r.date = g_date_time_ref (g_date_time_compare (updated, LAST) > 0 ? updated : LAST);
      r.summary = "Case closed.";
      g_array_append_val (revisions, r);
    }
  else if (updated != NULL && g_date_time_compare (updated, LAST) > 0)
    {
      r.date = g_date_time_ref (updated);
      r.summary = "Information updated.";
      g_array_append_val (revisions, r);
    }
#undef LAST

  return revisions;
}

static void
free_revisions (GArray *revisions)
{
  for (guint i = 0; i < revisions->len; i++)
    g_date_time_unref (g_array_index (revisions, Revision, i).date);
  g_array_unref (revisions);
}

static void
add_time (JsonBuilder *b,
          const char  *name,
          GDateTime   *time)
{
  g_autofree char *text = cf_date_time_to_iso (time);

  add_string (b, name, text);
}

static void
add_document (JsonBuilder *b,
              Advisory    *a,
              GDateTime   *now)
{
  GArray *revisions = list_revisions (a);
  g_autofree char *tracking_id = cf_csaf_tracking_id (a->c);
  g_autofree char *version = g_strdup_printf ("%u", revisions->len);
  g_autofree char *product_name = full_name (a, field (a->product, "version"));
  g_autofree char *summary = NULL;
  const char *reference = field (a->c, "reference");
  const char *email = field (a->manufacturer, "email");

  if (a->update != NULL)
    summary = g_strdup_printf ("%s affects %s. Security update %s fixes it.",
                               cf_case_get_title (a->c), field (a->product, "name"),
                               field (a->update, "version"));
  else if (cf_case_get_status (a->c) == CF_CASE_OPEN)
    summary = g_strdup_printf ("%s affects %s. The manufacturer is handling it; this advisory "
                               "will be updated.", cf_case_get_title (a->c), product_name);
  else
    summary = g_strdup_printf ("%s affects %s.", cf_case_get_title (a->c), product_name);

  json_builder_set_member_name (b, "document");
  json_builder_begin_object (b);
  add_string (b, "category", "csaf_security_advisory");
  add_string (b, "csaf_version", "2.0");
  add_string (b, "lang", "en");

  json_builder_set_member_name (b, "notes");
  json_builder_begin_array (b);
  add_note (b, "summary", "Summary", summary);
  add_note (b, "general", "About this advisory",
            "The manufacturer publishes this advisory as information about a vulnerability in "
            "a product with digital elements, as Regulation (EU) 2024/2847 (Cyber Resilience "
            "Act) asks. It was generated by Conformity from the manufacturer's records.");
  json_builder_end_array (b);

  json_builder_set_member_name (b, "publisher");
  json_builder_begin_object (b);
  add_string (b, "category", "vendor");
  if (email != NULL)
    {
      g_autofree char *contact = g_strdup_printf ("Email: %s", email);

      add_string (b, "contact_details", contact);
    }
  add_string (b, "name", field (a->manufacturer, "name"));
  add_string (b, "namespace", field (a->manufacturer, "website"));
  json_builder_end_object (b);

  json_builder_set_member_name (b, "references");
  json_builder_begin_array (b);
  json_builder_begin_object (b);
  add_string (b, "category", "external");
  add_string (b, "summary", "Manufacturer's website");
  add_string (b, "url", field (a->manufacturer, "website"));
  json_builder_end_object (b);
  if (cf_csaf_is_cve_id (reference))
    {
      g_autofree char *url = g_strdup_printf ("https://www.cve.org/CVERecord?id=%s", reference);
      g_autofree char *what = g_strdup_printf ("CVE record %s", reference);

      json_builder_begin_object (b);
      add_string (b, "category", "external");
      add_string (b, "summary", what);
      add_string (b, "url", url);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  add_string (b, "title", cf_case_get_title (a->c));

  json_builder_set_member_name (b, "tracking");
  json_builder_begin_object (b);
  add_time (b, "current_release_date", g_array_index (revisions, Revision, revisions->len - 1).date);
  json_builder_set_member_name (b, "generator");
  json_builder_begin_object (b);
  add_time (b, "date", now);
  json_builder_set_member_name (b, "engine");
  json_builder_begin_object (b);
  add_string (b, "name", PACKAGE_NAME);
  add_string (b, "version", PACKAGE_VERSION);
  json_builder_end_object (b);
  json_builder_end_object (b);
  add_string (b, "id", tracking_id);
  add_time (b, "initial_release_date", g_array_index (revisions, Revision, 0).date);
  json_builder_set_member_name (b, "revision_history");
  json_builder_begin_array (b);
  for (guint i = 0; i < revisions->len; i++)
    {
      g_autofree char *number = g_strdup_printf ("%u", i + 1);

      json_builder_begin_object (b);
      add_time (b, "date", g_array_index (revisions, Revision, i).date);
      add_string (b, "number", number);
      add_string (b, "summary", g_array_index (revisions, Revision, i).summary);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  /* "interim": the manufacturer still handles the case and the advisory will
   * change; "final" once a fix or mitigation exists or the case is closed. */
  add_string (b, "status", cf_case_get_status (a->c) == CF_CASE_OPEN ? "interim" : "final");
  add_string (b, "version", version);
  json_builder_end_object (b);

  json_builder_end_object (b);
  free_revisions (revisions);
}

/* The vulnerability */

static const char *
cvss_word (char metric,
           char letter)
{
  switch (letter)
    {
    case 'N':
      return metric == 'V' ? "NETWORK" : "NONE";
    case 'A':
      return "ADJACENT_NETWORK";
    case 'L':
      return metric == 'V' ? "LOCAL" : "LOW";
    case 'P':
      return "PHYSICAL";
    case 'H':
      return "HIGH";
    case 'R':
      return "REQUIRED";
    case 'U':
      return "UNCHANGED";
    case 'C':
      return "CHANGED";
    default:
      g_assert_not_reached ();
    }
}

static gboolean
add_scores (JsonBuilder  *b,
            Advisory     *a,
            GError      **error)
{
  const char *vector = field (a->c, "cvss-vector");
  g_autoptr(CfCvss) cvss = NULL;

  if (vector == NULL)
    return TRUE;
  cvss = cf_cvss_parse (vector, error);
  if (cvss == NULL)
    return FALSE;

  json_builder_set_member_name (b, "scores");
  json_builder_begin_array (b);
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "cvss_v3");
  json_builder_begin_object (b);
  add_string (b, "version", cvss->version);
  add_string (b, "vectorString", cvss->vector);
  add_string (b, "attackVector", cvss_word ('V', cvss->av));
  add_string (b, "attackComplexity", cvss_word ('C', cvss->ac));
  add_string (b, "privilegesRequired", cvss_word ('P', cvss->pr));
  add_string (b, "userInteraction", cvss_word ('U', cvss->ui));
  add_string (b, "scope", cvss_word ('S', cvss->s));
  add_string (b, "confidentialityImpact", cvss_word ('I', cvss->c));
  add_string (b, "integrityImpact", cvss_word ('I', cvss->i));
  add_string (b, "availabilityImpact", cvss_word ('I', cvss->a));
  json_builder_set_member_name (b, "baseScore");
  json_builder_add_double_value (b, cvss->base_score);
  add_string (b, "baseSeverity", cvss->severity);
  json_builder_end_object (b);
  add_ids (b, "products", a->all);
  json_builder_end_object (b);
  json_builder_end_array (b);
  return TRUE;
}

static void
add_remediation (JsonBuilder *b,
                 Advisory    *a,
                 const char  *category,
                 const char  *details,
                 GDateTime   *date)
{
  json_builder_begin_object (b);
  add_string (b, "category", category);
  if (date != NULL)
    add_time (b, "date", date);
  add_string (b, "details", details);
  add_ids (b, "product_ids", a->all);
  json_builder_end_object (b);
}

static void
add_remediations (JsonBuilder *b,
                  Advisory    *a)
{
  g_autoptr(GDateTime) fix_at = cf_case_dup_fix_available_at (a->c);
  g_autofree char *details = NULL;
  const char *fix = field (a->c, "fix");
  const char *user_measures = field (a->c, "user-measures");

  if (a->update != NULL)
    details = g_strdup_printf ("%s%sInstall the security update %s, released on %s.",
                               fix != NULL ? fix : "", fix != NULL ? "\n\n" : "",
                               field (a->update, "version"), field (a->update, "released-on"));
  else if (fix != NULL)
    details = g_strdup (fix);

  json_builder_set_member_name (b, "remediations");
  json_builder_begin_array (b);
  if (details != NULL)
    add_remediation (b, a, "vendor_fix", details, fix_at);
  if (user_measures != NULL)
    add_remediation (b, a, "mitigation", user_measures, NULL);
  if (details == NULL && user_measures == NULL)
    add_remediation (b, a, "none_available",
                     "No fix or mitigation is available yet; this advisory will be updated "
                     "when one is.", NULL);
  json_builder_end_array (b);
}

static gboolean
add_vulnerability (JsonBuilder  *b,
                   Advisory     *a,
                   GError      **error)
{
  const char *reference = field (a->c, "reference");
  const char *description = field (a->c, "description");
  /* CSAF's discovery_date is when the vulnerability was discovered; the
   * manufacturer's record holds when it became aware, the nearest it knows. */
  g_autoptr(GDateTime) aware_at = cf_case_dup_aware_at (a->c);

  json_builder_set_member_name (b, "vulnerabilities");
  json_builder_begin_array (b);
  json_builder_begin_object (b);

  if (cf_csaf_is_cve_id (reference))
    add_string (b, "cve", reference);
  if (aware_at != NULL)
    add_time (b, "discovery_date", aware_at);
  if (reference != NULL && !cf_csaf_is_cve_id (reference))
    {
      json_builder_set_member_name (b, "ids");
      json_builder_begin_array (b);
      json_builder_begin_object (b);
      add_string (b, "system_name", field (a->manufacturer, "name"));
      add_string (b, "text", reference);
      json_builder_end_object (b);
      json_builder_end_array (b);
    }

  json_builder_set_member_name (b, "notes");
  json_builder_begin_array (b);
  add_note (b, "description", "Description",
            description != NULL ? description : cf_case_get_title (a->c));
  add_note (b, "summary", "Severity and impact", field (a->c, "impact"));
  add_note (b, "details", "General nature of the exploit", field (a->c, "exploit-nature"));
  add_note (b, "details", "Corrective or mitigating measures taken", field (a->c, "measures-taken"));
  json_builder_end_array (b);

  json_builder_set_member_name (b, "product_status");
  json_builder_begin_object (b);
  if (a->fixed_id != NULL)
    {
      json_builder_set_member_name (b, "fixed");
      json_builder_begin_array (b);
      json_builder_add_string_value (b, a->fixed_id);
      json_builder_end_array (b);
    }
  add_ids (b, "known_affected", a->all);
  json_builder_end_object (b);

  add_remediations (b, a);
  if (!add_scores (b, a, error))
    return FALSE;

  if (cf_case_get_exploited (a->c))
    {
      json_builder_set_member_name (b, "threats");
      json_builder_begin_array (b);
      json_builder_begin_object (b);
      add_string (b, "category", "exploit_status");
      add_string (b, "details", "The manufacturer knows of active exploitation of this vulnerability.");
      add_ids (b, "product_ids", a->all);
      json_builder_end_object (b);
      json_builder_end_array (b);
    }

  add_string (b, "title", cf_case_get_title (a->c));
  json_builder_end_object (b);
  json_builder_end_array (b);
  return TRUE;
}

/**
 * cf_csaf_build:
 * @case_id: a vulnerability; an incident is refused
 * @now: (nullable): when the document is generated, or %NULL for now
 *
 * Builds a CSAF 2.0 advisory of profile "csaf_security_advisory": the
 * manufacturer informs users of a vulnerability and how to fix or mitigate
 * it. The manufacturer must have a website, which CSAF requires as the
 * publisher's namespace. Nothing is written to @store.
 *
 * Returns: (transfer full): the advisory as pretty-printed JSON, or %NULL
 *   with @error set
 */
char *
cf_csaf_build (CfStore    *store,
               gint64      case_id,
               GDateTime  *now,
               GError    **error)
{
  g_auto(Advisory) a = { NULL, };
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GDateTime) generated = now != NULL ? g_date_time_ref (now) : g_date_time_new_now_utc ();

  g_return_val_if_fail (CF_IS_STORE (store), NULL);

  if (!load (store, case_id, &a, error))
    return NULL;
  a.affected = g_ptr_array_new_with_free_func (g_free);
  a.components = g_ptr_array_new_with_free_func (g_free);
  a.all = g_ptr_array_new ();

  json_builder_begin_object (b);
  add_document (b, &a, generated);
  add_product_tree (b, &a);
  if (!add_vulnerability (b, &a, error))
    return NULL;
  json_builder_end_object (b);

  root = json_builder_get_root (b);
  return cf_csaf_node_to_text (root);
}
