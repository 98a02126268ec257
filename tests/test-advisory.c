/* test-advisory.c — CVSS scores, CSAF 2.0 advisories and CycloneDX VEX,
 * validated against the official schemas shipped in tests/data/csaf
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "cf-csaf.h"
#include "cf-cvss.h"
#include "cf-error.h"
#include "cf-vex.h"

#define WEBSITE "https://acme.example"
#define CVE "CVE-2026-12345"
#define VECTOR "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"
#define PURL "pkg:generic/openssl@3.0.13"

typedef struct
{
  char    *dir;
  char    *path;
  CfStore *store;
  gint64   product_id;
} Fixture;

static void
set_manufacturer (Fixture    *f,
                  const char *website)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfManufacturer) manufacturer = cf_manufacturer_new ();

  cf_record_set_field (CF_RECORD (manufacturer), "name", "Acme Devices GmbH");
  cf_record_set_field (CF_RECORD (manufacturer), "address", "Hauptstraße 1\n10115 Berlin");
  cf_record_set_field (CF_RECORD (manufacturer), "email", "security@acme.example");
  cf_record_set_field (CF_RECORD (manufacturer), "website", website);
  cf_store_set_manufacturer (f->store, manufacturer, &error);
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfProduct) product = cf_product_new ();

  f->dir = g_dir_make_tmp ("cf-advisory-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "project.db", NULL);
  f->store = cf_store_open_as (f->path, "tester", &error);
  g_assert_no_error (error);

  set_manufacturer (f, WEBSITE);
  cf_record_set_field (CF_RECORD (product), "name", "Smart Thermostat");
  cf_record_set_field (CF_RECORD (product), "model", "ST-100");
  cf_record_set_field (CF_RECORD (product), "version", "2.3.0");
  f->product_id = cf_store_add_product (f->store, product, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  GDir *dir;
  const char *name;

  g_clear_object (&f->store);
  dir = g_dir_open (f->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (f->dir, name, NULL);

      g_unlink (child);
    }
  if (dir != NULL)
    g_dir_close (dir);
  g_rmdir (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static char *
days_ago (int days)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) then = g_date_time_add_days (now, -days);

  return g_date_time_format (then, "%Y-%m-%dT%H:%M:%SZ");
}

/* A vulnerability with everything an advisory can carry. */
static gint64
add_vulnerability (Fixture    *f,
                   const char *title,
                   const char *reference)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfCase) c = cf_case_new (CF_CASE_VULNERABILITY);
  g_autofree char *aware_at = days_ago (3);
  gint64 id;

  cf_record_set_field (CF_RECORD (c), "title", title);
  cf_record_set_field (CF_RECORD (c), "aware-at", aware_at);
  cf_record_set_field (CF_RECORD (c), "reference", reference);
  cf_record_set_field (CF_RECORD (c), "description", "A crafted packet overflows a buffer.");
  cf_record_set_field (CF_RECORD (c), "affected-versions", "2.1.0, 2.2.0; 2.3.0");
  cf_record_set_field (CF_RECORD (c), "affected-components", PURL "\nlibfoo 1.2");
  cf_record_set_field (CF_RECORD (c), "cvss-vector", VECTOR);
  cf_record_set_field (CF_RECORD (c), "impact", "Remote code execution as root.");
  cf_record_set_field (CF_RECORD (c), "exploit-nature", "Sent over the local network.");
  cf_record_set_field (CF_RECORD (c), "user-measures", "Block port 8443 at the firewall.");
  cf_record_set_field (CF_RECORD (c), "fix", "Bounds check added to the parser.");
  cf_case_set_exploited (c, TRUE);
  id = cf_store_add_case (f->store, f->product_id, c, &error);
  g_assert_no_error (error);
  return id;
}

static gint64
add_update (Fixture    *f,
            const char *version,
            gint64      case_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfSecurityUpdate) update = cf_security_update_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  gint64 id;

  cf_record_set_field (CF_RECORD (update), "version", version);
  cf_record_set_field (CF_RECORD (update), "released-on", today);
  cf_security_update_add_fix (update, case_id);
  id = cf_store_add_security_update (f->store, f->product_id, update, &error);
  g_assert_no_error (error);
  return id;
}

static guint
count_audit (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = cf_store_list_audit (f->store, 0, &error);

  g_assert_no_error (error);
  return entries->len;
}

static JsonObject *
parse (const char *text,
       JsonParser *parser)
{
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_node_get_object (json_parser_get_root (parser));
}

static JsonObject *
object_at (JsonObject *object,
           const char *path)
{
  g_auto(GStrv) names = g_strsplit (path, "/", -1);

  for (guint i = 0; names[i] != NULL; i++)
    {
      JsonNode *node;

      g_assert_true (json_object_has_member (object, names[i]));
      node = json_object_get_member (object, names[i]);
      if (JSON_NODE_HOLDS_ARRAY (node))
        node = json_array_get_element (json_node_get_array (node), 0);
      object = json_node_get_object (node);
    }
  return object;
}

static gboolean
array_has_string (JsonArray  *array,
                  const char *value)
{
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    if (g_strcmp0 (json_array_get_string_element (array, i), value) == 0)
      return TRUE;
  return FALSE;
}

/* The product id under which the product tree lists @version. */
static const char *
product_id_of_version (JsonObject *root,
                       const char *version)
{
  JsonObject *product = object_at (root, "product_tree/branches/branches");
  JsonArray *versions = json_object_get_array_member (product, "branches");

  for (guint i = 0; i < json_array_get_length (versions); i++)
    {
      JsonObject *branch = json_array_get_object_element (versions, i);

      if (g_str_equal (json_object_get_string_member (branch, "name"), version))
        return json_object_get_string_member (json_object_get_object_member (branch, "product"),
                                              "product_id");
    }
  return NULL;
}

/* Runs tests/validate-json-schema.py, which resolves every $ref locally: the
 * tests never reach the network. */
static void
assert_valid (Fixture     *f,
              const char  *text,
              const char  *schema,
              const char **extras)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *document = g_build_filename (f->dir, "document.json", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status;

  if (g_test_verbose ())
    g_printerr ("%s\n", text);
  g_file_set_contents (document, text, -1, &error);
  g_assert_no_error (error);

  g_ptr_array_add (argv, g_strdup ("python3"));
  g_ptr_array_add (argv, g_test_build_filename (G_TEST_DIST, "validate-json-schema.py", NULL));
  g_ptr_array_add (argv, g_test_build_filename (G_TEST_DIST, "data", "csaf", schema, NULL));
  g_ptr_array_add (argv, g_strdup (document));
  for (guint i = 0; extras[i] != NULL; i++)
    g_ptr_array_add (argv, g_test_build_filename (G_TEST_DIST, "data", "csaf", extras[i], NULL));
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s is not valid against %s:\n%s\n%s", document, schema, err, text);
}

static void
assert_valid_csaf (Fixture    *f,
                   const char *text)
{
  const char *extras[] = { "cvss-v2.0.json", "cvss-v3.0.json", "cvss-v3.1.json", NULL };

  assert_valid (f, text, "csaf_json_schema.json", extras);
}

static void
assert_valid_vex (Fixture    *f,
                  const char *text)
{
  const char *extras[] = { "spdx.schema.json", "jsf-0.82.schema.json", NULL };

  assert_valid (f, text, "bom-1.5.schema.json", extras);
}

/* CVSS */

/* Base scores as the FIRST calculators publish them. */
static const struct
{
  const char *vector;
  double      score;
  const char *severity;
} scored[] = {
  { "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", 9.8, "CRITICAL" },
  { "CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H", 7.8, "HIGH" },
  { "CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N", 6.1, "MEDIUM" },
  { "CVSS:3.0/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:N/A:N", 5.9, "MEDIUM" },
  { "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H", 10.0, "CRITICAL" },
  { "CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:H/I:H/A:H", 9.9, "CRITICAL" },
  { "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:N/I:N/A:H", 8.6, "HIGH" },
  { "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H", 7.5, "HIGH" },
  { "CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:H/I:H/A:H", 8.8, "HIGH" },
  { "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:N/A:N", 5.3, "MEDIUM" },
  { "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N", 0.0, "NONE" },
};

static void
test_cvss_scores (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (scored); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CfCvss) cvss = cf_cvss_parse (scored[i].vector, &error);

      g_assert_no_error (error);
      g_test_message ("%s", scored[i].vector);
      g_assert_cmpfloat_with_epsilon (cvss->base_score, scored[i].score, 0.001);
      g_assert_cmpstr (cvss->severity, ==, scored[i].severity);
      g_assert_cmpstr (cvss->vector, ==, scored[i].vector);
    }
}

static void
test_cvss_normalized (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfCvss) cvss = cf_cvss_parse ("CVSS:3.1/S:U/A:H/AV:N/AC:L/PR:N/UI:N/C:H/I:H", &error);

  g_assert_no_error (error);
  g_assert_cmpstr (cvss->vector, ==, VECTOR);
  g_assert_cmpstr (cvss->version, ==, "3.1");
  g_assert_cmpfloat_with_epsilon (cvss->base_score, 9.8, 0.001);
}

static void
test_cvss_invalid (void)
{
  const struct
  {
    const char *vector;
    const char *said;
  } invalid[] = {
    { "AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "CVSS:3.1/" },
    { "CVSS:2.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "version 3" },
    { "CVSS:3.1/AV:X/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "AV" },
    { "CVSS:3.1/AV:N/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "twice" },
    { "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H", "lacks the base metric A" },
    { "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:H", "E:H" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CfCvss) cvss = cf_cvss_parse (invalid[i].vector, &error);

      g_assert_null (cvss);
      g_assert_error (error, CF_ERROR, CF_ERROR_INVALID_INPUT);
      /* The message quotes the vector and points at what is wrong. */
      g_assert_nonnull (strstr (error->message, invalid[i].vector));
      g_assert_nonnull (strstr (error->message, invalid[i].said));
    }
}

/* CSAF */

static void
test_csaf_fixed (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(CfCvss) cvss = cf_cvss_parse (VECTOR, NULL);
  gint64 case_id = add_vulnerability (f, "Buffer overflow in the packet parser", CVE);
  g_autofree char *text = NULL;
  g_autofree char *tracking_id = NULL;
  JsonObject *root, *document, *vulnerability, *score, *status, *component;
  const char *fixed_id;

  add_update (f, "2.4.0", case_id);
  text = cf_csaf_build (f->store, case_id, NULL, &error);
  g_assert_no_error (error);
  assert_valid_csaf (f, text);

  root = parse (text, parser);
  document = json_object_get_object_member (root, "document");
  g_assert_cmpstr (json_object_get_string_member (document, "category"), ==,
                   "csaf_security_advisory");
  g_assert_cmpstr (json_object_get_string_member (document, "csaf_version"), ==, "2.0");
  g_assert_cmpstr (json_object_get_string_member (document, "title"), ==,
                   "Buffer overflow in the packet parser");
  g_assert_cmpstr (json_object_get_string_member (object_at (document, "publisher"), "namespace"),
                   ==, WEBSITE);
  g_assert_cmpstr (json_object_get_string_member (object_at (document, "publisher"), "name"),
                   ==, "Acme Devices GmbH");
  tracking_id = g_strdup_printf ("CONFORMITY-%" G_GINT64_FORMAT "-%" G_GINT64_FORMAT,
                                 f->product_id, case_id);
  g_assert_cmpstr (json_object_get_string_member (object_at (document, "tracking"), "id"),
                   ==, tracking_id);
  /* Linking the update marked the case mitigated: the advisory is final. */
  g_assert_cmpstr (json_object_get_string_member (object_at (document, "tracking"), "status"),
                   ==, "final");

  vulnerability = object_at (root, "vulnerabilities");
  g_assert_cmpstr (json_object_get_string_member (vulnerability, "cve"), ==, CVE);
  status = json_object_get_object_member (vulnerability, "product_status");
  fixed_id = product_id_of_version (root, "2.4.0");
  g_assert_nonnull (fixed_id);
  g_assert_true (array_has_string (json_object_get_array_member (status, "fixed"), fixed_id));
  g_assert_true (array_has_string (json_object_get_array_member (status, "known_affected"),
                                   product_id_of_version (root, "2.2.0")));
  g_assert_false (array_has_string (json_object_get_array_member (status, "known_affected"),
                                    fixed_id));

  score = object_at (vulnerability, "scores/cvss_v3");
  g_assert_cmpstr (json_object_get_string_member (score, "vectorString"), ==, VECTOR);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (score, "baseScore"),
                                  cvss->base_score, 0.001);
  g_assert_cmpstr (json_object_get_string_member (score, "baseSeverity"), ==, cvss->severity);
  /* One decimal, as CVSS writes it, not json-glib's 17 digits. */
  g_assert_nonnull (strstr (text, "\"baseScore\" : 9.8,"));

  g_assert_cmpstr (json_object_get_string_member (object_at (vulnerability, "remediations"),
                                                  "category"), ==, "vendor_fix");
  g_assert_cmpstr (json_object_get_string_member (object_at (vulnerability, "threats"),
                                                  "category"), ==, "exploit_status");

  component = object_at (root, "product_tree/full_product_names");
  g_assert_cmpstr (json_object_get_string_member (component, "name"), ==, PURL);
  g_assert_cmpstr (json_object_get_string_member (object_at (component,
                                                             "product_identification_helper"),
                                                  "purl"), ==, PURL);
}

static void
test_csaf_open (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  gint64 case_id = add_vulnerability (f, "Weak default password", "ACME-SA-2026-7");
  g_autofree char *text = cf_csaf_build (f->store, case_id, NULL, &error);
  JsonObject *root, *vulnerability, *status;

  g_assert_no_error (error);
  assert_valid_csaf (f, text);

  root = parse (text, parser);
  g_assert_cmpstr (json_object_get_string_member (object_at (root, "document/tracking"), "status"),
                   ==, "interim");
  vulnerability = object_at (root, "vulnerabilities");
  /* Not a CVE: the reference goes into ids, named by the manufacturer. */
  g_assert_false (json_object_has_member (vulnerability, "cve"));
  g_assert_cmpstr (json_object_get_string_member (object_at (vulnerability, "ids"), "text"), ==,
                   "ACME-SA-2026-7");
  status = json_object_get_object_member (vulnerability, "product_status");
  g_assert_false (json_object_has_member (status, "fixed"));
  g_assert_nonnull (json_object_get_array_member (status, "known_affected"));
}

/* A case with only what it must have: the product's version stands for the
 * affected one, and once fixed every version before the fix does. */
static void
test_csaf_minimal (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(CfCase) c = cf_case_new (CF_CASE_VULNERABILITY);
  g_autofree char *aware_at = days_ago (2);
  g_autofree char *text = NULL;
  gint64 case_id;

  cf_record_set_field (CF_RECORD (c), "title", "Debug console left enabled");
  cf_record_set_field (CF_RECORD (c), "aware-at", aware_at);
  case_id = cf_store_add_case (f->store, f->product_id, c, &error);
  g_assert_no_error (error);

  text = cf_csaf_build (f->store, case_id, NULL, &error);
  g_assert_no_error (error);
  assert_valid_csaf (f, text);
  g_assert_nonnull (product_id_of_version (parse (text, parser), "2.3.0"));
  g_clear_pointer (&text, g_free);

  add_update (f, "2.4.0", case_id);
  text = cf_csaf_build (f->store, case_id, NULL, &error);
  g_assert_no_error (error);
  assert_valid_csaf (f, text);
  g_assert_nonnull (product_id_of_version (parse (text, parser), "vers:generic/<2.4.0"));
  g_assert_nonnull (product_id_of_version (parse (text, parser), "2.4.0"));
}

static void
test_csaf_refusals (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfCase) incident = cf_case_new (CF_CASE_INCIDENT);
  g_autofree char *aware_at = days_ago (1);
  gint64 case_id = add_vulnerability (f, "Buffer overflow", CVE);
  gint64 incident_id;
  g_autofree char *text = NULL;
  guint audit;

  cf_record_set_field (CF_RECORD (incident), "title", "Ransomware on the update server");
  cf_record_set_field (CF_RECORD (incident), "aware-at", aware_at);
  incident_id = cf_store_add_case (f->store, f->product_id, incident, &error);
  g_assert_no_error (error);
  audit = count_audit (f);

  text = cf_csaf_build (f->store, incident_id, NULL, &error);
  g_assert_null (text);
  g_assert_error (error, CF_ERROR, CF_ERROR_INVALID_INPUT);
  g_assert_nonnull (strstr (error->message, "incident"));
  g_clear_error (&error);

  text = cf_csaf_build (f->store, 9999, NULL, &error);
  g_assert_null (text);
  g_assert_error (error, CF_ERROR, CF_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "9999"));
  g_clear_error (&error);

  set_manufacturer (f, NULL);
  audit = count_audit (f);
  text = cf_csaf_build (f->store, case_id, NULL, &error);
  g_assert_null (text);
  g_assert_error (error, CF_ERROR, CF_ERROR_INVALID_INPUT);
  g_assert_nonnull (strstr (error->message, "website"));
  g_clear_error (&error);

  /* Refusing writes nothing. */
  g_assert_cmpuint (count_audit (f), ==, audit);
}

/* VEX */

static void
test_vex (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(CfCase) incident = cf_case_new (CF_CASE_INCIDENT);
  g_autofree char *aware_at = days_ago (1);
  gint64 fixed_id = add_vulnerability (f, "Buffer overflow in the packet parser", CVE);
  gint64 open_id = add_vulnerability (f, "Weak default password", NULL);
  g_autofree char *text = NULL;
  g_autofree char *open_name = NULL;
  g_autofree char *product_ref = NULL;
  JsonArray *vulnerabilities;
  JsonObject *root;
  guint audit;

  cf_record_set_field (CF_RECORD (incident), "title", "Ransomware on the update server");
  cf_record_set_field (CF_RECORD (incident), "aware-at", aware_at);
  cf_store_add_case (f->store, f->product_id, incident, &error);
  g_assert_no_error (error);
  add_update (f, "2.4.0", fixed_id);
  audit = count_audit (f);

  text = cf_vex_build (f->store, f->product_id, NULL, &error);
  g_assert_no_error (error);
  assert_valid_vex (f, text);
  g_assert_cmpuint (count_audit (f), ==, audit);

  root = parse (text, parser);
  g_assert_cmpstr (json_object_get_string_member (root, "bomFormat"), ==, "CycloneDX");
  g_assert_cmpstr (json_object_get_string_member (root, "specVersion"), ==, "1.5");
  g_assert_true (g_str_has_prefix (json_object_get_string_member (root, "serialNumber"),
                                   "urn:uuid:"));
  product_ref = g_strdup (json_object_get_string_member (object_at (root, "metadata/component"),
                                                         "bom-ref"));
  g_assert_cmpstr (json_object_get_string_member (object_at (root, "metadata/component"), "name"),
                   ==, "Smart Thermostat");

  /* Two vulnerabilities; the incident is not a VEX statement. */
  vulnerabilities = json_object_get_array_member (root, "vulnerabilities");
  g_assert_cmpuint (json_array_get_length (vulnerabilities), ==, 2);
  open_name = g_strdup_printf ("CONFORMITY-%" G_GINT64_FORMAT "-%" G_GINT64_FORMAT,
                               f->product_id, open_id);
  for (guint i = 0; i < 2; i++)
    {
      JsonObject *v = json_array_get_object_element (vulnerabilities, i);
      JsonObject *analysis = json_object_get_object_member (v, "analysis");
      JsonObject *affects = object_at (v, "affects");
      const char *id = json_object_get_string_member (v, "id");

      g_assert_cmpstr (json_object_get_string_member (affects, "ref"), ==, product_ref);
      g_assert_cmpstr (json_object_get_string_member (object_at (v, "ratings"), "severity"), ==,
                       "critical");
      g_assert_cmpstr (json_object_get_string_member (object_at (v, "ratings"), "method"), ==,
                       "CVSSv31");
      if (g_str_equal (id, CVE))
        {
          g_assert_cmpstr (json_object_get_string_member (analysis, "state"), ==, "resolved");
          g_assert_true (array_has_string (json_object_get_array_member (analysis, "response"),
                                           "update"));
        }
      else
        {
          g_assert_cmpstr (id, ==, open_name);
          g_assert_cmpstr (json_object_get_string_member (analysis, "state"), ==, "exploitable");
          g_assert_false (array_has_string (json_object_get_array_member (analysis, "response"),
                                            "update"));
        }
    }
}

static void
test_vex_unknown_product (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = cf_vex_build (f->store, 9999, NULL, &error);

  g_assert_null (text);
  g_assert_error (error, CF_ERROR, CF_ERROR_NOT_FOUND);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/advisory/cvss/scores", test_cvss_scores);
  g_test_add_func ("/advisory/cvss/normalized", test_cvss_normalized);
  g_test_add_func ("/advisory/cvss/invalid", test_cvss_invalid);
  g_test_add ("/advisory/csaf/fixed", Fixture, NULL, fixture_set_up, test_csaf_fixed,
              fixture_tear_down);
  g_test_add ("/advisory/csaf/open", Fixture, NULL, fixture_set_up, test_csaf_open,
              fixture_tear_down);
  g_test_add ("/advisory/csaf/minimal", Fixture, NULL, fixture_set_up, test_csaf_minimal,
              fixture_tear_down);
  g_test_add ("/advisory/csaf/refusals", Fixture, NULL, fixture_set_up, test_csaf_refusals,
              fixture_tear_down);
  g_test_add ("/advisory/vex", Fixture, NULL, fixture_set_up, test_vex, fixture_tear_down);
  g_test_add ("/advisory/vex/unknown-product", Fixture, NULL, fixture_set_up,
              test_vex_unknown_product, fixture_tear_down);

  return g_test_run ();
}
