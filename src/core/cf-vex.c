/* cf-vex.c — a CycloneDX 1.5 VEX: which vulnerabilities affect a product
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cf-vex"

#include "config.h"

#include "cf-csaf.h"
#include "cf-cvss.h"
#include "cf-error.h"
#include "cf-field.h"
#include "cf-vex.h"

/* Like the CSAF advisory, the VEX is written in English. */

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
  if (value == NULL)
    return;
  json_builder_set_member_name (b, name);
  json_builder_add_string_value (b, value);
}

/* Stored times are already "2026-11-21T09:30:00Z", which date-time accepts. */
static void
add_time (JsonBuilder *b,
          const char  *name,
          GDateTime   *time)
{
  g_autofree char *text = cf_date_time_to_iso (time);

  add_string (b, name, text);
}

static char *
product_ref (CfProduct *product)
{
  return g_strdup_printf ("product-%" G_GINT64_FORMAT, cf_record_get_id (CF_RECORD (product)));
}

static void
add_organization (JsonBuilder    *b,
                  const char     *name,
                  CfManufacturer *manufacturer)
{
  const char *website = field (manufacturer, "website");
  const char *email = field (manufacturer, "email");

  json_builder_set_member_name (b, name);
  json_builder_begin_object (b);
  add_string (b, "name", field (manufacturer, "name"));
  if (website != NULL)
    {
      json_builder_set_member_name (b, "url");
      json_builder_begin_array (b);
      json_builder_add_string_value (b, website);
      json_builder_end_array (b);
    }
  if (email != NULL)
    {
      json_builder_set_member_name (b, "contact");
      json_builder_begin_array (b);
      json_builder_begin_object (b);
      add_string (b, "email", email);
      json_builder_end_object (b);
      json_builder_end_array (b);
    }
  json_builder_end_object (b);
}

static void
add_metadata (JsonBuilder    *b,
              CfProduct      *product,
              CfManufacturer *manufacturer,
              GDateTime      *now)
{
  g_autofree char *ref = product_ref (product);
  gboolean has_manufacturer = field (manufacturer, "name") != NULL;

  json_builder_set_member_name (b, "metadata");
  json_builder_begin_object (b);
  add_time (b, "timestamp", now);

  json_builder_set_member_name (b, "tools");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "components");
  json_builder_begin_array (b);
  json_builder_begin_object (b);
  add_string (b, "type", "application");
  add_string (b, "name", PACKAGE_NAME);
  add_string (b, "version", PACKAGE_VERSION);
  json_builder_end_object (b);
  json_builder_end_array (b);
  json_builder_end_object (b);

  json_builder_set_member_name (b, "component");
  json_builder_begin_object (b);
  add_string (b, "type", "application");
  add_string (b, "bom-ref", ref);
  if (has_manufacturer)
    add_organization (b, "supplier", manufacturer);
  add_string (b, "name", field (product, "name"));
  add_string (b, "version", field (product, "version"));
  add_string (b, "description", field (product, "description"));
  json_builder_end_object (b);

  if (has_manufacturer)
    {
      add_organization (b, "manufacture", manufacturer);
      add_organization (b, "supplier", manufacturer);
    }
  json_builder_end_object (b);
}

/* "< 2.1" and the like become a vers range; other ranges are left to the
 * analysis detail, which quotes what the manufacturer wrote. */
static char *
vers_range (const char *version)
{
  g_autoptr(GRegex) comparison = g_regex_new ("^(<=|>=|<|>)\\s*(\\S+)$", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *op = NULL;
  g_autofree char *number = NULL;

  if (!g_regex_match (comparison, version, 0, &match))
    return NULL;
  op = g_match_info_fetch (match, 1);
  number = g_match_info_fetch (match, 2);
  return g_strdup_printf ("vers:generic/%s%s", op, number);
}

static void
add_affects (JsonBuilder      *b,
             CfCase           *c,
             CfProduct        *product,
             CfSecurityUpdate *update)
{
  g_autofree char *ref = product_ref (product);
  g_auto(GStrv) versions = cf_csaf_split_versions (field (c, "affected-versions"));
  const char *fixed = update != NULL ? field (update, "version") : NULL;

  json_builder_set_member_name (b, "affects");
  json_builder_begin_array (b);
  json_builder_begin_object (b);
  add_string (b, "ref", ref);
  if (versions[0] != NULL || fixed != NULL)
    {
      json_builder_set_member_name (b, "versions");
      json_builder_begin_array (b);
      for (guint i = 0; versions[i] != NULL; i++)
        {
          g_autofree char *range = NULL;

          if (cf_csaf_is_version_range (versions[i]))
            {
              range = vers_range (versions[i]);
              if (range == NULL)
                continue;
            }
          json_builder_begin_object (b);
          add_string (b, range != NULL ? "range" : "version", range != NULL ? range : versions[i]);
          add_string (b, "status", "affected");
          json_builder_end_object (b);
        }
      if (fixed != NULL && !g_strv_contains ((const char * const *) versions, fixed))
        {
          json_builder_begin_object (b);
          add_string (b, "version", fixed);
          add_string (b, "status", "unaffected");
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
    }
  json_builder_end_object (b);
  json_builder_end_array (b);
}

static void
add_analysis (JsonBuilder      *b,
              CfCase           *c,
              CfSecurityUpdate *update)
{
  gboolean has_fix = update != NULL || field (c, "fix") != NULL;
  gboolean resolved = cf_case_get_status (c) != CF_CASE_OPEN && has_fix;
  const char *affected = field (c, "affected-versions");
  const char *measures = field (c, "measures-taken");
  g_autoptr(GString) detail = g_string_new (NULL);
  g_autoptr(GDateTime) created = g_date_time_new_from_iso8601 (cf_case_get_created_at (c), NULL);
  g_autoptr(GDateTime) updated = g_date_time_new_from_iso8601 (cf_record_get_updated_at (CF_RECORD (c)),
                                                               NULL);

  if (affected != NULL)
    g_string_append_printf (detail, "Affected versions: %s.", affected);
  if (measures != NULL)
    g_string_append_printf (detail, "%s%s", detail->len > 0 ? "\n\n" : "", measures);

  json_builder_set_member_name (b, "analysis");
  json_builder_begin_object (b);
  /* No justification: it explains "not_affected", which a case never says. */
  add_string (b, "state", resolved ? "resolved" : "exploitable");
  if (update != NULL || field (c, "user-measures") != NULL)
    {
      json_builder_set_member_name (b, "response");
      json_builder_begin_array (b);
      if (update != NULL)
        json_builder_add_string_value (b, "update");
      if (field (c, "user-measures") != NULL)
        json_builder_add_string_value (b, "workaround_available");
      json_builder_end_array (b);
    }
  if (detail->len > 0)
    add_string (b, "detail", detail->str);
  if (created != NULL)
    add_time (b, "firstIssued", created);
  if (updated != NULL)
    add_time (b, "lastUpdated", updated);
  json_builder_end_object (b);
}

static gboolean
add_ratings (JsonBuilder     *b,
             CfCase          *c,
             CfManufacturer  *manufacturer,
             GError         **error)
{
  const char *vector = field (c, "cvss-vector");
  g_autoptr(CfCvss) cvss = NULL;
  g_autofree char *severity = NULL;

  if (vector == NULL)
    return TRUE;
  cvss = cf_cvss_parse (vector, error);
  if (cvss == NULL)
    return FALSE;
  severity = g_ascii_strdown (cvss->severity, -1);

  json_builder_set_member_name (b, "ratings");
  json_builder_begin_array (b);
  json_builder_begin_object (b);
  if (field (manufacturer, "name") != NULL)
    {
      json_builder_set_member_name (b, "source");
      json_builder_begin_object (b);
      add_string (b, "name", field (manufacturer, "name"));
      add_string (b, "url", field (manufacturer, "website"));
      json_builder_end_object (b);
    }
  json_builder_set_member_name (b, "score");
  json_builder_add_double_value (b, cvss->base_score);
  add_string (b, "severity", severity);
  add_string (b, "method", g_str_equal (cvss->version, "3.1") ? "CVSSv31" : "CVSSv3");
  add_string (b, "vector", cvss->vector);
  json_builder_end_object (b);
  json_builder_end_array (b);
  return TRUE;
}

static gboolean
add_vulnerability (JsonBuilder     *b,
                   CfStore         *store,
                   CfCase          *c,
                   CfProduct       *product,
                   CfManufacturer  *manufacturer,
                   GError         **error)
{
  const char *reference = field (c, "reference");
  const char *impact = field (c, "impact");
  const char *nature = field (c, "exploit-nature");
  g_autoptr(CfSecurityUpdate) update = NULL;
  g_autofree char *ref = g_strdup_printf ("case-%" G_GINT64_FORMAT, cf_record_get_id (CF_RECORD (c)));
  g_autofree char *own_id = cf_csaf_tracking_id (c);
  g_autofree char *detail = NULL;
  g_autofree char *recommendation = NULL;
  g_autoptr(GDateTime) created = g_date_time_new_from_iso8601 (cf_case_get_created_at (c), NULL);
  g_autoptr(GDateTime) updated = g_date_time_new_from_iso8601 (cf_record_get_updated_at (CF_RECORD (c)),
                                                               NULL);

  if (cf_case_get_update_id (c) != 0)
    {
      update = cf_store_get_security_update (store, cf_case_get_update_id (c), error);
      if (update == NULL)
        return FALSE;
    }
  if (impact != NULL || nature != NULL)
    detail = g_strjoin ("\n\n", impact != NULL ? impact : nature,
                        impact != NULL ? nature : NULL, NULL);
  if (update != NULL)
    recommendation = g_strdup_printf ("%s%sInstall the security update %s, released on %s.",
                                      field (c, "fix") != NULL ? field (c, "fix") : "",
                                      field (c, "fix") != NULL ? "\n\n" : "",
                                      field (update, "version"), field (update, "released-on"));
  else
    recommendation = g_strdup (field (c, "fix"));

  json_builder_begin_object (b);
  add_string (b, "bom-ref", ref);
  if (cf_csaf_is_cve_id (reference))
    {
      g_autofree char *url = g_strdup_printf ("https://nvd.nist.gov/vuln/detail/%s", reference);

      add_string (b, "id", reference);
      json_builder_set_member_name (b, "source");
      json_builder_begin_object (b);
      add_string (b, "name", "NVD");
      add_string (b, "url", url);
      json_builder_end_object (b);
    }
  else
    {
      add_string (b, "id", own_id);
      if (field (manufacturer, "name") != NULL)
        {
          json_builder_set_member_name (b, "source");
          json_builder_begin_object (b);
          add_string (b, "name", field (manufacturer, "name"));
          add_string (b, "url", field (manufacturer, "website"));
          json_builder_end_object (b);
        }
      if (reference != NULL)
        {
          json_builder_set_member_name (b, "references");
          json_builder_begin_array (b);
          json_builder_begin_object (b);
          add_string (b, "id", reference);
          json_builder_set_member_name (b, "source");
          json_builder_begin_object (b);
          add_string (b, "name", field (manufacturer, "name") != NULL
                                   ? field (manufacturer, "name") : "Manufacturer");
          json_builder_end_object (b);
          json_builder_end_object (b);
          json_builder_end_array (b);
        }
    }

  if (!add_ratings (b, c, manufacturer, error))
    return FALSE;
  add_string (b, "description",
              field (c, "description") != NULL ? field (c, "description") : cf_case_get_title (c));
  add_string (b, "detail", detail);
  add_string (b, "recommendation", recommendation);
  add_string (b, "workaround", field (c, "user-measures"));
  if (created != NULL)
    add_time (b, "published", created);
  if (updated != NULL)
    add_time (b, "updated", updated);
  add_analysis (b, c, update);
  add_affects (b, c, product, update);
  json_builder_end_object (b);
  return TRUE;
}

/**
 * cf_vex_build:
 * @product_id: the product whose vulnerabilities are stated
 * @now: (nullable): the BOM's timestamp, or %NULL for now
 *
 * Builds a CycloneDX 1.5 VEX: the product as the BOM's component and one
 * vulnerability per vulnerability case (incidents are not vulnerabilities
 * and are left out). The serial number is random, as CycloneDX asks of
 * every generated BOM, so two exports are two BOMs of version 1. Nothing is
 * written to @store.
 *
 * Returns: (transfer full): the VEX as pretty-printed JSON, or %NULL with
 *   @error set
 */
char *
cf_vex_build (CfStore    *store,
              gint64      product_id,
              GDateTime  *now,
              GError    **error)
{
  g_autoptr(CfProduct) product = NULL;
  g_autoptr(CfManufacturer) manufacturer = NULL;
  g_autoptr(GPtrArray) cases = NULL;
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GDateTime) generated = now != NULL ? g_date_time_ref (now) : g_date_time_new_now_utc ();
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *serial = g_strdup_printf ("urn:uuid:%s", uuid);

  g_return_val_if_fail (CF_IS_STORE (store), NULL);

  product = cf_store_get_product (store, product_id, error);
  if (product == NULL)
    return NULL;
  manufacturer = cf_store_get_manufacturer (store, error);
  if (manufacturer == NULL)
    return NULL;
  cases = cf_store_list_cases (store, product_id, error);
  if (cases == NULL)
    return NULL;

  json_builder_begin_object (b);
  add_string (b, "$schema", "http://cyclonedx.org/schema/bom-1.5.schema.json");
  add_string (b, "bomFormat", "CycloneDX");
  add_string (b, "specVersion", "1.5");
  add_string (b, "serialNumber", serial);
  json_builder_set_member_name (b, "version");
  json_builder_add_int_value (b, 1);
  add_metadata (b, product, manufacturer, generated);

  json_builder_set_member_name (b, "vulnerabilities");
  json_builder_begin_array (b);
  for (guint i = 0; i < cases->len; i++)
    {
      CfCase *c = g_ptr_array_index (cases, i);

      if (cf_case_get_kind (c) != CF_CASE_VULNERABILITY)
        continue;
      if (!add_vulnerability (b, store, c, product, manufacturer, error))
        return NULL;
    }
  json_builder_end_array (b);
  json_builder_end_object (b);

  root = json_builder_get_root (b);
  return cf_csaf_node_to_text (root);
}
