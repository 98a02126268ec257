/* test-cli.c — conformity-cli end to end, as a script would run it
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/wait.h>

#include "cf-scope.h"
#include "cli-harness.h"
#include "cf-store.h"


static char *
fixture_file (Fixture    *f,
              const char *name)
{
  return g_build_filename (f->dir, name, NULL);
}

/* Writes @len bytes (-1: a string) to a file in the fixture's folder. */
static char *
write_file (Fixture    *f,
            const char *name,
            const char *data,
            gssize      len)
{
  g_autoptr(GError) error = NULL;
  char *path = fixture_file (f, name);

  g_file_set_contents (path, data, len, &error);
  g_assert_no_error (error);

  return path;
}

static const char *
member_string (JsonNode   *object,
               const char *name)
{
  JsonObject *o = json_node_get_object (object);

  g_assert_true (json_object_has_member (o, name));
  return json_object_get_string_member_with_default (o, name, NULL);
}

static gint64
member_int (JsonNode   *object,
            const char *name)
{
  JsonObject *o = json_node_get_object (object);

  g_assert_true (json_object_has_member (o, name));
  return json_object_get_int_member (o, name);
}

static gboolean
member_bool (JsonNode   *object,
             const char *name)
{
  JsonObject *o = json_node_get_object (object);

  g_assert_true (json_object_has_member (o, name));
  return json_object_get_boolean_member (o, name);
}

static gboolean
member_is_null (JsonNode   *object,
                const char *name)
{
  JsonObject *o = json_node_get_object (object);

  g_assert_true (json_object_has_member (o, name));
  return json_object_get_null_member (o, name);
}

static JsonArray *
member_array (JsonNode   *object,
              const char *name)
{
  return json_object_get_array_member (json_node_get_object (object), name);
}

static char *
missing_ids (JsonNode *declaration)
{
  JsonArray *missing = member_array (declaration, "missing");
  g_autoptr(GString) ids = g_string_new (NULL);

  for (guint i = 0; i < json_array_get_length (missing); i++)
    {
      JsonObject *item = json_array_get_object_element (missing, i);

      g_assert_nonnull (json_object_get_string_member (item, "label"));
      g_assert_cmpstr (json_object_get_string_member (item, "label"), !=, "");
      g_string_append_printf (ids, "%s%s", i > 0 ? " " : "",
                              json_object_get_string_member (item, "id"));
    }

  return g_string_free (g_steal_pointer (&ids), FALSE);
}

static void
add_manufacturer (Fixture *f)
{
  g_autoptr(Result) result = run (f, "manufacturer", "set",
                                  "--name", "Zakład Łódź sp. z o.o.",
                                  "--address", "ul. Piotrkowska 1\n90-001 Łódź\nPolska",
                                  NULL);

  assert_ok (result);
  g_assert_cmpstr (result->out, ==, "");
}

static char *
add_product (Fixture *f)
{
  return run_id (f, "product", "add", "--name", "Smart Thermostat", "--model", "ST-200",
                 "--version", "2.4.1", NULL);
}

/* Fills every detail a module A declaration needs. */
static void
complete_declaration (Fixture    *f,
                      const char *id)
{
  g_autoptr(Result) result = run (f, "declaration", "set", id,
                                  "--procedure", "module-a",
                                  "--standards", "EN 18031-1:2024",
                                  "--place-of-issue", "Łódź",
                                  "--signatory-name", "Anna Nowak",
                                  "--signatory-function", "Prezes Zarządu",
                                  NULL);

  assert_ok (result);
}

/* A risk assessment that passes the readiness gate, through the core (the
 * assess and threat commands have tests of their own). */
static void
complete_risk_assessment (Fixture    *f,
                          const char *id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfStore) store = cf_store_open (f->db, &error);
  g_autoptr(CfCatalogue) catalogue = cf_catalogue_load_default (&error);
  g_autoptr(GPtrArray) requirements = NULL;
  g_autoptr(CfAssessmentContext) context = cf_assessment_context_new ();
  g_autoptr(CfThreat) threat = cf_threat_new ();
  g_autoptr(CfEvidence) evidence = cf_evidence_new ();
  g_autoptr(GPtrArray) linked = g_ptr_array_new ();
  g_autoptr(GInputStream) stream = NULL;
  const char *report = "Every essential requirement was tested; all passed.\n";
  gint64 product_id = g_ascii_strtoll (id, NULL, 10);

  g_assert_no_error (error);
  cf_record_set_field (CF_RECORD (context), "intended-purpose", "Routing a home network.");
  cf_record_set_field (CF_RECORD (context), "foreseeable-use", "Left with default settings.");
  cf_record_set_field (CF_RECORD (context), "operational-environment", "Homes.");
  cf_store_set_assessment_context (store, product_id, context, &error);
  g_assert_no_error (error);

  requirements = cf_requirements_list (catalogue);
  for (guint i = 0; i < requirements->len; i++)
    {
      const char *requirement = cf_catalogue_item_get_id (g_ptr_array_index (requirements, i));
      g_autoptr(CfRequirementAssessment) a = cf_requirement_assessment_new (requirement);

      a->status = CF_STATUS_IMPLEMENTED;
      cf_store_set_requirement_assessment (store, product_id, a, &error);
      g_assert_no_error (error);
      g_ptr_array_add (linked, (gpointer) requirement);
    }
  g_ptr_array_add (linked, NULL);

  /* Every requirement that applies needs current evidence. */
  cf_evidence_set_title (evidence, "Security test report");
  cf_evidence_set_kind (evidence, "test-report");
  cf_evidence_set_requirements (evidence, (const char * const *) linked->pdata);
  stream = g_memory_input_stream_new_from_data (report, strlen (report), NULL);
  cf_store_add_evidence_from_stream (store, product_id, evidence, 0, stream, strlen (report),
                                     "test-report.txt", "text/plain", NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  cf_threat_set_asset (threat, "Web interface");
  cf_threat_set_title (threat, "Password guessing");
  cf_threat_set_stride (threat, "spoofing");
  cf_threat_set_likelihood (threat, 2);
  cf_threat_set_impact (threat, 2);
  cf_store_add_threat (store, product_id, threat, &error);
  g_assert_no_error (error);
}

/* Puts the product in scope, classifies it as default and completes its
 * risk assessment, through the core (the scope and classify commands have
 * tests of their own). */
static void
assess_default_product (Fixture    *f,
                        const char *id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfStore) store = cf_store_open (f->db, &error);
  g_autoptr(CfCatalogue) catalogue = cf_catalogue_load_default (&error);
  g_autoptr(GPtrArray) questions = NULL;
  g_autoptr(GHashTable) answers = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(CfClassification) classification = cf_classification_new ();
  gint64 product_id = g_ascii_strtoll (id, NULL, 10);

  g_assert_no_error (error);
  questions = cf_scope_list_questions (catalogue);
  for (guint i = 0; i < questions->len; i++)
    {
      CfCatalogueItem *q = g_ptr_array_index (questions, i);

      g_hash_table_insert (answers, (gpointer) cf_catalogue_item_get_attribute (q, "question"),
                           (gpointer) cf_catalogue_item_get_attribute (q, "in-scope-answer"));
    }
  cf_store_set_scope_answers (store, product_id, answers, &error);
  g_assert_no_error (error);
  cf_store_set_classification (store, product_id, classification, &error);
  g_assert_no_error (error);
  g_clear_object (&store);

  complete_risk_assessment (f, id);
}

static gsize
count_documents (Fixture    *f,
                 const char *product_id)
{
  g_autoptr(JsonNode) documents = run_json (f, "documents", product_id, NULL);

  return json_array_get_length (json_node_get_array (documents));
}

/* Help */

static const struct {
  const char *command;
  const char *options;   /* space-separated, each must appear in the help */
} commands[] = {
  { "manufacturer set", "--name --address --email --website --representative-name "
                        "--representative-address" },
  { "manufacturer show", "--json" },
  { "product add", "--name --model --version --description --identification" },
  { "product add-example", "--help" },
  { "product list", "--json" },
  { "product show", "--json ID" },
  { "product set", "--name --model --version --description --identification "
                   "--placed-on-market --support-end --support-rationale ID" },
  { "scope set", "--answer --clear ID commercial data-connection spare-part pure-saas" },
  { "scope show", "--json ID" },
  { "classify suggest", "--json TEXT" },
  { "classify set", "--item --default --justification --description --foss "
                    "--documentation-public ID" },
  { "classify coverage", "--applied --not-applied --all-applied ID AnnexI.PartI.2.a "
                         "AnnexI.PartII.8" },
  { "classify show", "--json ID" },
  { "assess set", "--applicable --justification --status --measures --standard --no-standards "
                  "--threat --no-threats ID REQUIREMENT AnnexI.PartI.2.a AnnexI.PartII.8" },
  { "assess show", "--json ID" },
  { "assess context", "--intended-purpose --foreseeable-use --operational-environment "
                      "--assumptions ID" },
  { "threat add", "--asset --title --stride --likelihood --impact --description --mitigations "
                  "--residual-likelihood --residual-impact --treatment --reason --accepted-by "
                  "spoofing tampering elevation-of-privilege" },
  { "threat set", "--no-residual --treatment --residual-likelihood ID THREAT" },
  { "threat remove", "ID THREAT" },
  { "threat list", "--json ID" },
  { "evidence add", "--requirement --threat --kind --title --valid-until --new-version-of "
                    "--max-size ID FILE 512M test-report penetration-test sbom AnnexI.PartII.1" },
  { "evidence list", "--json ID" },
  { "evidence show", "--json EVIDENCE_ID" },
  { "evidence versions", "--json EVIDENCE_ID" },
  { "evidence get", "--out --version EVIDENCE_ID" },
  { "evidence set", "--title --kind --valid-until --no-expiry --requirement --no-requirements "
                    "--threat --no-threats EVIDENCE_ID" },
  { "evidence remove", "EVIDENCE_ID" },
  { "evidence verify", "--json all" },
  { "readiness", "--json ID" },
  { "chart", "--kind --out --width --height --inherent heatmap readiness" },
  { "dates", "--json ID --placed-on-market" },
  { "declaration set", "--procedure --standards --other-legislation --notified-body-name "
                       "--notified-body-number --certificate --additional-info --place-of-issue "
                       "--signatory-name --signatory-function "
                       "module-a module-b+c module-h eucc" },
  { "declaration show", "--json ID" },
  { "user-info set", "--security-contact --cvd-policy-url --security-environment --known-risks "
                    "--declaration-url --support-type --secure-use --data-security-changes "
                    "--update-installation --decommissioning --auto-update-opt-out --integration "
                    "--sbom-url EMAIL|URL ID" },
  { "user-info show", "--json ID" },
  { "generate", "--kind --out --json declaration" },
  { "documents", "--json ID" },
  { "document show", "--json" },
  { "document save", "--out" },
  { "audit", "--limit --json" },
  { "catalogue", "--json SECTION" },
};

static void
test_help_top (Fixture       *f,
               gconstpointer  data)
{
  const char *variants[][2] = { { "--help", NULL }, { "-h", NULL }, { "help", NULL } };

  for (guint v = 0; v < G_N_ELEMENTS (variants); v++)
    {
      g_autoptr(Result) result = run_argv (f, variants[v]);

      assert_ok (result);
      g_assert_cmpstr (result->err, ==, "");
      g_assert_true (g_str_has_prefix (result->out, "Usage:"));
      g_assert_nonnull (strstr (result->out, "--db"));
      g_assert_nonnull (strstr (result->out, "--actor"));
      g_assert_nonnull (strstr (result->out, "CONFORMITY_DB"));

      /* One line per command. */
      for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
        {
          g_autofree char *line = g_strdup_printf ("\n  %s ", commands[i].command);

          if (strstr (result->out, line) == NULL)
            g_error ("top-level help does not list “%s”", commands[i].command);
        }
    }

  g_assert_false (g_file_test (f->db, G_FILE_TEST_EXISTS));
}

static void
test_help_commands (Fixture       *f,
                    gconstpointer  data)
{
  const char *groups[] = { "manufacturer", "product", "scope", "classify", "assess", "threat",
                           "evidence", "declaration", "user-info", "document" };

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_auto(GStrv) words = g_strsplit (commands[i].command, " ", -1);
      g_auto(GStrv) options = g_strsplit (commands[i].options, " ", -1);
      g_autoptr(GPtrArray) args = g_ptr_array_new ();
      g_autoptr(GPtrArray) help_args = g_ptr_array_new ();
      g_autoptr(Result) result = NULL;
      g_autoptr(Result) help = NULL;
      g_autofree char *usage = g_strdup_printf ("conformity-cli %s [OPTION…]", commands[i].command);

      g_ptr_array_add (help_args, (char *) "help");
      for (guint w = 0; words[w] != NULL; w++)
        {
          g_ptr_array_add (args, words[w]);
          g_ptr_array_add (help_args, words[w]);
        }
      g_ptr_array_add (args, (char *) "--help");
      g_ptr_array_add (args, NULL);
      g_ptr_array_add (help_args, NULL);

      result = run_argv (f, (const char * const *) args->pdata);
      assert_ok (result);
      g_assert_cmpstr (result->err, ==, "");
      if (strstr (result->out, usage) == NULL)
        g_error ("“%s --help” does not show its usage: %s", commands[i].command, result->out);
      for (guint o = 0; options[o] != NULL; o++)
        if (strstr (result->out, options[o]) == NULL)
          g_error ("“%s --help” does not mention %s", commands[i].command, options[o]);

      /* “help COMMAND” says the same. */
      help = run_argv (f, (const char * const *) help_args->pdata);
      assert_ok (help);
      g_assert_cmpstr (help->out, ==, result->out);
    }

  for (guint i = 0; i < G_N_ELEMENTS (groups); i++)
    {
      g_autoptr(Result) result = run (f, groups[i], "--help", NULL);
      g_autofree char *usage = g_strdup_printf ("conformity-cli %s COMMAND", groups[i]);

      assert_ok (result);
      g_assert_nonnull (strstr (result->out, usage));
    }

  /* Asking for help never creates a project database. */
  g_assert_false (g_file_test (f->db, G_FILE_TEST_EXISTS));
}

static void
test_version (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(Result) result = run (f, "--version", NULL);

  assert_ok (result);
  g_assert_cmpstr (result->out, ==, "conformity-cli " PACKAGE_VERSION "\n");
  g_assert_false (g_file_test (f->db, G_FILE_TEST_EXISTS));
}

static void
test_usage_errors (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(Result) unknown_command = run (f, "frobnicate", NULL);
  g_autoptr(Result) unknown_subcommand = run (f, "product", "frobnicate", NULL);
  g_autoptr(Result) unknown_option = run (f, "--frobnicate", "product", "list", NULL);
  g_autoptr(Result) unknown_command_option = run (f, "product", "list", "--frobnicate", NULL);
  g_autoptr(Result) global_after_command = run (f, "product", "list", "--db", f->db, NULL);
  const char *nothing[] = { NULL };
  g_autoptr(Result) no_command = run_argv (f, nothing);
  g_autoptr(Result) missing_id = run (f, "product", "show", NULL);
  g_autoptr(Result) extra_argument = run (f, "product", "show", "1", "2", NULL);

  assert_refused (unknown_command, 2, "frobnicate");
  g_assert_nonnull (strstr (unknown_command->err, "--help"));
  assert_refused (unknown_subcommand, 2, "frobnicate");
  assert_refused (unknown_option, 2, "--frobnicate");
  assert_refused (unknown_command_option, 2, "--frobnicate");
  g_assert_nonnull (strstr (unknown_command_option->err, "product list --help"));
  assert_refused (global_after_command, 2, "--db");
  assert_refused (no_command, 2, NULL);
  assert_refused (missing_id, 2, NULL);
  assert_refused (extra_argument, 2, "2");

  g_assert_false (g_file_test (f->db, G_FILE_TEST_EXISTS));
}

/* Manufacturer */

static void
test_manufacturer_round_trip (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(Result) set = NULL;
  g_autoptr(Result) text = NULL;
  g_autoptr(JsonNode) shown = NULL;

  set = run (f, "manufacturer", "set",
             "--name", "Zakład Łódź",
             "--address", "Οδός Ελληνική 5\n1000 София\nБългария",
             "--email", "  security@zaklad.example.pl  ",
             "--representative-name", "Ελληνική Αντιπροσωπεία",
             NULL);
  assert_ok (set);
  g_assert_cmpstr (set->out, ==, "");
  g_assert_cmpstr (set->err, ==, "");

  shown = run_json (f, "manufacturer", "show", NULL);
  g_assert_cmpstr (member_string (shown, "name"), ==, "Zakład Łódź");
  g_assert_cmpstr (member_string (shown, "address"), ==, "Οδός Ελληνική 5\n1000 София\nБългария");
  /* Stored trimmed. */
  g_assert_cmpstr (member_string (shown, "email"), ==, "security@zaklad.example.pl");
  g_assert_true (member_is_null (shown, "website"));
  g_assert_cmpstr (member_string (shown, "representative_name"), ==, "Ελληνική Αντιπροσωπεία");
  g_assert_true (member_is_null (shown, "representative_address"));
  g_assert_false (member_bool (shown, "is_example"));
  g_assert_true (g_regex_match_simple ("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ$",
                                       member_string (shown, "updated_at"), 0, 0));

  /* Text: labelled lines, later lines of a value under its first. */
  text = run (f, "manufacturer", "show", NULL);
  assert_ok (text);
  g_assert_true (g_regex_match_simple ("^Manufacturer name: +Zakład Łódź$", text->out,
                                       G_REGEX_MULTILINE, 0));
  g_assert_true (g_regex_match_simple ("^Postal address: +Οδός Ελληνική 5\n"
                                       " +1000 София\n"
                                       " +България$",
                                       text->out, G_REGEX_MULTILINE, 0));
}

static void
test_manufacturer_partial_update (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(Result) email = NULL;
  g_autoptr(Result) cleared = NULL;
  g_autoptr(JsonNode) after_email = NULL;
  g_autoptr(JsonNode) after_clear = NULL;

  add_manufacturer (f);

  email = run (f, "manufacturer", "set", "--email", "psirt@zaklad.example.pl", NULL);
  assert_ok (email);
  after_email = run_json (f, "manufacturer", "show", NULL);
  g_assert_cmpstr (member_string (after_email, "name"), ==, "Zakład Łódź sp. z o.o.");
  g_assert_cmpstr (member_string (after_email, "address"), ==,
                   "ul. Piotrkowska 1\n90-001 Łódź\nPolska");
  g_assert_cmpstr (member_string (after_email, "email"), ==, "psirt@zaklad.example.pl");

  /* An empty value clears the field, and only that one. */
  cleared = run (f, "manufacturer", "set", "--email", "", NULL);
  assert_ok (cleared);
  after_clear = run_json (f, "manufacturer", "show", NULL);
  g_assert_true (member_is_null (after_clear, "email"));
  g_assert_cmpstr (member_string (after_clear, "name"), ==, "Zakład Łódź sp. z o.o.");
}

static void
test_manufacturer_invalid_email (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(Result) before = NULL;
  g_autoptr(Result) refused = NULL;
  g_autoptr(Result) after = NULL;

  add_manufacturer (f);
  before = run (f, "manufacturer", "show", "--json", NULL);
  assert_ok (before);

  refused = run (f, "manufacturer", "set", "--name", "Changed", "--email", "not-an-email", NULL);
  assert_refused (refused, 1, "not-an-email");
  g_assert_nonnull (strstr (refused->err, "Email"));

  /* Nothing of the refused call was stored, not even the valid --name. */
  after = run (f, "manufacturer", "show", "--json", NULL);
  assert_ok (after);
  g_assert_cmpstr (after->out, ==, before->out);
}

static void
test_manufacturer_first_time (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(Result) refused = run (f, "manufacturer", "set", "--email", "a@example.eu", NULL);
  g_autoptr(Result) none = NULL;
  g_autoptr(Result) text = NULL;
  g_autoptr(JsonNode) shown = NULL;

  /* A new manufacturer needs a name and an address; a refusal creates nothing. */
  assert_refused (refused, 2, "--name");
  g_assert_false (g_file_test (f->db, G_FILE_TEST_EXISTS));

  none = run (f, "manufacturer", "show", "--json", NULL);
  assert_ok (none);
  shown = parse_json (none->out);
  g_assert_true (JSON_NODE_HOLDS_NULL (shown));

  text = run (f, "manufacturer", "show", NULL);
  assert_ok (text);
  g_assert_nonnull (strstr (text->out, "manufacturer set"));
}

/* Products */

static void
test_product_add (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *id = NULL;
  g_autofree char *other = NULL;
  g_autoptr(JsonNode) shown = NULL;
  g_autoptr(JsonNode) list = NULL;
  g_autoptr(Result) text = NULL;
  g_autoptr(Result) list_text = NULL;
  JsonArray *products;
  JsonObject *first;

  id = run_id (f, "product", "add", "--name", "Έξυπνος θερμοστάτης", "--model", "ST-200",
               "--version", "2.4.1", "--description", "Line one\nLine two", NULL);
  other = run_id (f, "product", "add", "--name", "Aardvark Gateway", "--model", "AG-1", NULL);
  g_assert_cmpstr (id, !=, other);

  shown = run_json (f, "product", "show", id, NULL);
  g_assert_cmpint (member_int (shown, "id"), ==, g_ascii_strtoll (id, NULL, 10));
  g_assert_cmpstr (member_string (shown, "name"), ==, "Έξυπνος θερμοστάτης");
  g_assert_cmpstr (member_string (shown, "model"), ==, "ST-200");
  g_assert_cmpstr (member_string (shown, "version"), ==, "2.4.1");
  g_assert_true (member_is_null (shown, "identification"));
  g_assert_cmpstr (member_string (shown, "description"), ==, "Line one\nLine two");
  g_assert_false (member_bool (shown, "is_example"));
  g_assert_nonnull (member_string (shown, "updated_at"));

  list = run_json (f, "product", "list", NULL);
  products = json_node_get_array (list);
  g_assert_cmpuint (json_array_get_length (products), ==, 2);
  /* Listed by name. */
  first = json_array_get_object_element (products, 0);
  g_assert_cmpstr (json_object_get_string_member (first, "name"), ==, "Aardvark Gateway");
  g_assert_true (json_object_get_null_member (first, "version"));

  list_text = run (f, "product", "list", NULL);
  assert_ok (list_text);
  g_assert_true (g_regex_match_simple ("^ID +NAME +MODEL +VERSION$", list_text->out,
                                       G_REGEX_MULTILINE, 0));
  g_assert_true (g_regex_match_simple ("^\\d+ +Έξυπνος θερμοστάτης +ST-200 +2\\.4\\.1$",
                                       list_text->out, G_REGEX_MULTILINE, 0));

  text = run (f, "product", "show", id, NULL);
  assert_ok (text);
  g_assert_true (g_regex_match_simple ("^Product name: +Έξυπνος θερμοστάτης$", text->out,
                                       G_REGEX_MULTILINE, 0));
  g_assert_true (g_regex_match_simple ("^Description: +Line one\n +Line two$", text->out,
                                       G_REGEX_MULTILINE, 0));
}

static void
test_product_add_refused (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(Result) no_model = run (f, "product", "add", "--name", "Thermostat", NULL);
  g_autoptr(Result) empty_model = run (f, "product", "add", "--name", "Thermostat",
                                       "--model", "  ", NULL);
  g_autoptr(Result) one_line = run (f, "product", "add", "--name", "Two\nlines",
                                    "--model", "M", NULL);
  g_autoptr(JsonNode) list = NULL;

  g_assert_cmpint (no_model->status, ==, 2);
  assert_refused (no_model, 2, "--model");
  assert_refused (empty_model, 1, "Model");
  assert_refused (one_line, 1, "Product name");

  list = run_json (f, "product", "list", NULL);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (list)), ==, 0);
  /* Reading does not create a database either. */
  g_assert_false (g_file_test (f->db, G_FILE_TEST_EXISTS));
}

static void
test_product_not_found (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *id = add_product (f);
  g_autoptr(Result) missing = run (f, "product", "show", "999", NULL);
  g_autoptr(Result) word = run (f, "product", "show", "abc", NULL);
  g_autoptr(Result) zero = run (f, "product", "show", "0", NULL);
  g_autoptr(Result) negative = run (f, "product", "show", "--", "-3", NULL);
  g_autoptr(Result) set_missing = run (f, "product", "set", "999", "--version", "1", NULL);

  assert_refused (missing, 1, "999");
  assert_refused (word, 2, "abc");
  assert_refused (zero, 2, "0");
  assert_refused (negative, 2, "-3");
  assert_refused (set_missing, 1, "999");
}

static void
test_product_set (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *id = add_product (f);
  g_autoptr(Result) set = run (f, "product", "set", id, "--version", "2.5.0",
                               "--identification", "Serial numbers ST-0001 to ST-9999", NULL);
  g_autoptr(Result) nothing = run (f, "product", "set", id, NULL);
  g_autoptr(Result) empty_name = run (f, "product", "set", id, "--name", "", NULL);
  g_autoptr(JsonNode) shown = NULL;

  assert_ok (set);
  g_assert_cmpstr (set->out, ==, "");
  assert_refused (nothing, 2, NULL);
  assert_refused (empty_name, 1, "Product name");

  shown = run_json (f, "product", "show", id, NULL);
  g_assert_cmpstr (member_string (shown, "name"), ==, "Smart Thermostat");
  g_assert_cmpstr (member_string (shown, "model"), ==, "ST-200");
  g_assert_cmpstr (member_string (shown, "version"), ==, "2.5.0");
  g_assert_cmpstr (member_string (shown, "identification"), ==,
                   "Serial numbers ST-0001 to ST-9999");
}

static void
test_product_example (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *id = run_id (f, "product", "add-example", NULL);
  g_autoptr(JsonNode) shown = run_json (f, "product", "show", id, NULL);
  g_autoptr(JsonNode) manufacturer = run_json (f, "manufacturer", "show", NULL);
  g_autoptr(JsonNode) declaration = run_json (f, "declaration", "show", id, NULL);
  g_autoptr(JsonNode) after = NULL;
  g_autoptr(Result) list = run (f, "product", "list", NULL);
  g_autoptr(Result) set = NULL;

  g_assert_true (member_bool (shown, "is_example"));
  g_assert_true (member_bool (manufacturer, "is_example"));
  g_assert_true (member_bool (declaration, "ready"));
  assert_ok (list);
  g_assert_nonnull (strstr (list->out, "(example)"));

  /* Recording the manufacturer for real makes it no longer the example. */
  set = run (f, "manufacturer", "set", "--name", "Real Devices Oy", NULL);
  assert_ok (set);
  after = run_json (f, "manufacturer", "show", NULL);
  g_assert_false (member_bool (after, "is_example"));
  g_assert_cmpstr (member_string (after, "name"), ==, "Real Devices Oy");
}

/* Declarations */

static void
test_declaration_readiness (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *id = NULL;
  g_autoptr(JsonNode) empty = NULL;
  g_autoptr(JsonNode) some = NULL;
  g_autoptr(JsonNode) b_c = NULL;
  g_autoptr(JsonNode) complete = NULL;
  g_autoptr(Result) set = NULL;
  g_autoptr(Result) notified = NULL;
  g_autoptr(Result) text = NULL;
  g_autofree char *empty_ids = NULL;
  g_autofree char *some_ids = NULL;
  g_autofree char *b_c_ids = NULL;

  add_manufacturer (f);
  id = add_product (f);

  empty = run_json (f, "declaration", "show", id, NULL);
  g_assert_cmpint (member_int (empty, "product_id"), ==, g_ascii_strtoll (id, NULL, 10));
  g_assert_cmpstr (member_string (empty, "procedure"), ==, "module-a");
  g_assert_true (member_is_null (empty, "place_of_issue"));
  g_assert_true (member_is_null (empty, "updated_at"));
  g_assert_false (member_bool (empty, "ready"));
  empty_ids = missing_ids (empty);
  g_assert_cmpstr (empty_ids, ==, "declaration.standards declaration.place-of-issue "
                                  "declaration.signatory-name declaration.signatory-function "
                                  "scope.in-scope classification.category assessment.ready");

  set = run (f, "declaration", "set", id, "--standards", "EN 18031-1:2024",
             "--place-of-issue", "Łódź", NULL);
  assert_ok (set);
  g_assert_cmpstr (set->out, ==, "");
  some = run_json (f, "declaration", "show", id, NULL);
  g_assert_cmpstr (member_string (some, "place_of_issue"), ==, "Łódź");
  g_assert_nonnull (member_string (some, "updated_at"));
  some_ids = missing_ids (some);
  g_assert_cmpstr (some_ids, ==, "declaration.signatory-name declaration.signatory-function "
                                 "scope.in-scope classification.category assessment.ready");

  /* Modules B and C involve a notified body and a certificate. The first
   * release's spelling "module-b-c" is still accepted; JSON says "module-b+c". */
  notified = run (f, "declaration", "set", id, "--procedure", "module-b-c", NULL);
  assert_ok (notified);
  b_c = run_json (f, "declaration", "show", id, NULL);
  g_assert_cmpstr (member_string (b_c, "procedure"), ==, "module-b+c");
  g_assert_cmpstr (member_string (b_c, "place_of_issue"), ==, "Łódź");
  b_c_ids = missing_ids (b_c);
  g_assert_nonnull (strstr (b_c_ids, "declaration.notified-body-number"));
  g_assert_nonnull (strstr (b_c_ids, "declaration.certificate"));

  /* Annex V complete: what remains is the scope check, the category and
   * the risk assessment. */
  complete_declaration (f, id);
  complete = run_json (f, "declaration", "show", id, NULL);
  g_assert_false (member_bool (complete, "ready"));
  g_assert_cmpuint (json_array_get_length (member_array (complete, "missing")), ==, 3);

  assess_default_product (f, id);
  g_clear_pointer (&complete, json_node_unref);
  complete = run_json (f, "declaration", "show", id, NULL);
  g_assert_true (member_bool (complete, "ready"));
  g_assert_cmpuint (json_array_get_length (member_array (complete, "missing")), ==, 0);
  g_assert_cmpstr (member_string (complete, "signatory_function"), ==, "Prezes Zarządu");

  text = run (f, "declaration", "show", id, NULL);
  assert_ok (text);
  g_assert_true (g_regex_match_simple ("^Ready: +yes", text->out, G_REGEX_MULTILINE, 0));
  g_assert_true (g_regex_match_simple ("^Place of issue: +Łódź$", text->out, G_REGEX_MULTILINE, 0));
}

static void
test_declaration_refused (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *id = add_product (f);
  g_autoptr(Result) bad = run (f, "declaration", "set", id, "--procedure", "module-z",
                               "--place-of-issue", "Sofia", NULL);
  g_autoptr(Result) missing = run (f, "declaration", "set", "999",
                                   "--place-of-issue", "Sofia", NULL);
  g_autoptr(Result) too_long = NULL;
  g_autoptr(JsonNode) shown = NULL;
  g_autofree char *long_number = g_strnfill (21, '7');

  assert_refused (bad, 2, "module-z");
  /* The message lists what is accepted. */
  g_assert_nonnull (strstr (bad->err, "module-a, module-b+c, module-h, eucc"));
  assert_refused (missing, 1, "999");

  too_long = run (f, "declaration", "set", id, "--notified-body-number", long_number, NULL);
  assert_refused (too_long, 1, "Notified body number");

  shown = run_json (f, "declaration", "show", id, NULL);
  g_assert_cmpstr (member_string (shown, "procedure"), ==, "module-a");
  g_assert_true (member_is_null (shown, "place_of_issue"));
  g_assert_true (member_is_null (shown, "notified_body_number"));
}

/* Information for users */

static const char * const user_info_keys[] = {
  "security_contact", "cvd_policy_url", "security_environment", "known_risks", "declaration_url",
  "support_type", "secure_use", "data_security_changes", "update_installation", "decommissioning",
  "auto_update_opt_out", "integration", "sbom_url",
};

static void
test_user_info_round_trip (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *id = add_product (f);
  g_autoptr(JsonNode) empty = run_json (f, "user-info", "show", id, NULL);
  g_autoptr(JsonNode) first = NULL;
  g_autoptr(JsonNode) second = NULL;
  g_autoptr(JsonNode) audit = NULL;
  g_autoptr(Result) set = NULL;
  g_autoptr(Result) more = NULL;
  g_autoptr(Result) text = NULL;
  g_autoptr(GList) members = NULL;
  JsonArray *entries;
  JsonNode *last;
  guint i = 0;

  /* Nothing entered yet: every member there, null. */
  members = json_object_get_members (json_node_get_object (empty));
  g_assert_cmpuint (g_list_length (members), ==, G_N_ELEMENTS (user_info_keys) + 2);
  g_assert_cmpstr (members->data, ==, "product_id");
  for (GList *l = members->next; l->next != NULL; l = l->next, i++)
    g_assert_cmpstr (l->data, ==, user_info_keys[i]);
  g_assert_cmpstr (g_list_last (members)->data, ==, "updated_at");
  g_assert_cmpint (member_int (empty, "product_id"), ==, g_ascii_strtoll (id, NULL, 10));
  for (i = 0; i < G_N_ELEMENTS (user_info_keys); i++)
    g_assert_true (member_is_null (empty, user_info_keys[i]));
  g_assert_true (member_is_null (empty, "updated_at"));

  set = run (f, "user-info", "set", id,
             "--security-contact", "  https://zaklad.example.pl/zgłoś  ",
             "--cvd-policy-url", "https://zaklad.example.pl/cvd",
             "--decommissioning", "Przytrzymaj przycisk 10 s.\nDane znikną.",
             NULL);
  assert_ok (set);
  g_assert_cmpstr (set->out, ==, "");
  g_assert_cmpstr (set->err, ==, "");

  first = run_json (f, "user-info", "show", id, NULL);
  g_assert_cmpstr (member_string (first, "security_contact"), ==,
                   "https://zaklad.example.pl/zgłoś");
  g_assert_cmpstr (member_string (first, "cvd_policy_url"), ==, "https://zaklad.example.pl/cvd");
  g_assert_cmpstr (member_string (first, "decommissioning"), ==,
                   "Przytrzymaj przycisk 10 s.\nDane znikną.");
  g_assert_true (member_is_null (first, "sbom_url"));
  g_assert_true (g_regex_match_simple ("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ$",
                                       member_string (first, "updated_at"), 0, 0));

  /* Options not given keep their value; an empty one clears its field. */
  more = run (f, "user-info", "set", id, "--security-contact", "psirt@zaklad.example.pl",
              "--cvd-policy-url", "", NULL);
  assert_ok (more);
  second = run_json (f, "user-info", "show", id, NULL);
  g_assert_cmpstr (member_string (second, "security_contact"), ==, "psirt@zaklad.example.pl");
  g_assert_true (member_is_null (second, "cvd_policy_url"));
  g_assert_cmpstr (member_string (second, "decommissioning"), ==,
                   "Przytrzymaj przycisk 10 s.\nDane znikną.");

  audit = run_json (f, "audit", NULL);
  entries = json_node_get_array (audit);
  last = json_array_get_element (entries, json_array_get_length (entries) - 1);
  g_assert_cmpstr (member_string (last, "action"), ==, "user-information.update");
  g_assert_cmpstr (member_string (last, "actor"), ==, ACTOR);
  g_assert_cmpstr (member_string (last, "detail"), ==, "security-contact, cvd-policy-url");

  /* Text: one labelled line per field, a dash for what is empty. */
  text = run (f, "user-info", "show", id, NULL);
  assert_ok (text);
  g_assert_true (g_regex_match_simple ("^Product: +Smart Thermostat", text->out,
                                       G_REGEX_MULTILINE, 0));
  g_assert_true (g_regex_match_simple ("^Single point of contact for vulnerability reports:\n"
                                       " +psirt@zaklad\\.example\\.pl$",
                                       text->out, G_REGEX_MULTILINE, 0));
  g_assert_true (g_regex_match_simple ("^ +Dane znikną\\.$", text->out, G_REGEX_MULTILINE, 0));
  g_assert_true (g_regex_match_simple ("^Where users can access the software bill of materials "
                                       "\\(if made available\\):\n +—$",
                                       text->out, G_REGEX_MULTILINE, 0));
}

static void
test_user_info_refused (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(Result) no_database_show = run (f, "user-info", "show", "1", NULL);
  g_autoptr(Result) no_database_set = run (f, "user-info", "set", "1", "--sbom-url",
                                           "https://example.com/sbom", NULL);
  g_autofree char *id = NULL;
  g_autofree char *too_long = g_strnfill (8001, 'x');
  g_autoptr(Result) ok = NULL;
  g_autoptr(Result) nothing = NULL;
  g_autoptr(Result) bad_contact = NULL;
  g_autoptr(Result) bad_url = NULL;
  g_autoptr(Result) long_text = NULL;
  g_autoptr(Result) missing = NULL;
  g_autoptr(Result) missing_show = NULL;
  g_autoptr(Result) bad_id = NULL;
  g_autoptr(Result) unknown_option = NULL;
  g_autoptr(JsonNode) shown = NULL;

  /* Reading or recording, no database is created for a product that
   * cannot exist. */
  assert_refused (no_database_show, 1, "no product with id 1");
  assert_refused (no_database_set, 1, "no product with id 1");
  g_assert_false (g_file_test (f->db, G_FILE_TEST_EXISTS));

  id = add_product (f);
  ok = run (f, "user-info", "set", id, "--sbom-url", "https://example.com/sbom", NULL);
  assert_ok (ok);

  nothing = run (f, "user-info", "set", id, NULL);
  assert_refused (nothing, 2, "--security-contact");
  bad_contact = run (f, "user-info", "set", id, "--security-contact", "call +48 42 000 00 00",
                     "--support-type", "Updates.", NULL);
  assert_refused (bad_contact, 1, "Single point of contact for vulnerability reports");
  bad_url = run (f, "user-info", "set", id, "--declaration-url", "example.com/doc", NULL);
  assert_refused (bad_url, 1, "Internet address of the EU declaration of conformity");
  long_text = run (f, "user-info", "set", id, "--known-risks", too_long, NULL);
  assert_refused (long_text, 1, "at most 8000 characters");
  missing = run (f, "user-info", "set", "999", "--support-type", "Updates.", NULL);
  assert_refused (missing, 1, "999");
  missing_show = run (f, "user-info", "show", "999", NULL);
  assert_refused (missing_show, 1, "999");
  bad_id = run (f, "user-info", "show", "one", NULL);
  assert_refused (bad_id, 2, "one");
  unknown_option = run (f, "user-info", "set", id, "--frobnicate", "x", NULL);
  assert_refused (unknown_option, 2, "--frobnicate");

  /* Nothing of the refused commands was stored. */
  shown = run_json (f, "user-info", "show", id, NULL);
  g_assert_cmpstr (member_string (shown, "sbom_url"), ==, "https://example.com/sbom");
  g_assert_true (member_is_null (shown, "security_contact"));
  g_assert_true (member_is_null (shown, "support_type"));
  g_assert_true (member_is_null (shown, "known_risks"));
}

static void
test_user_info_example (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *id = run_id (f, "product", "add-example", NULL);
  g_autoptr(JsonNode) shown = run_json (f, "user-info", "show", id, NULL);

  g_assert_cmpstr (member_string (shown, "security_contact"), ==, "security@example.com");
  g_assert_cmpstr (member_string (shown, "cvd_policy_url"), ==, "https://example.com/security/cvd");
  g_assert_cmpstr (member_string (shown, "declaration_url"), ==,
                   "https://example.com/st-200/declaration");
  for (guint i = 0; i < G_N_ELEMENTS (user_info_keys); i++)
    g_assert_false (member_is_null (shown, user_info_keys[i]));
}

/* Documents */

static char *
file_sha256 (const char *path,
             char      **prefix)
{
  g_autofree char *contents = NULL;
  gsize length;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  if (prefix != NULL)
    *prefix = g_strndup (contents, MIN (length, 5));

  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

static JsonObject *
find_document (JsonNode   *documents,
               const char *id)
{
  JsonArray *array = json_node_get_array (documents);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *document = json_array_get_object_element (array, i);

      if (json_object_get_int_member (document, "id") == g_ascii_strtoll (id, NULL, 10))
        return document;
    }

  g_error ("document %s is not listed", id);
  return NULL;
}

static void
test_generate_declaration (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *product = NULL;
  g_autofree char *pdf = fixture_file (f, "declaration.pdf");
  g_autofree char *pdf2 = fixture_file (f, "declaration-v2.pdf");
  g_autofree char *copy = fixture_file (f, "copy.pdf");
  g_autofree char *first_sha = NULL;
  g_autofree char *second_sha = NULL;
  g_autofree char *copy_sha = NULL;
  g_autofree char *magic = NULL;
  g_autofree char *first_id = NULL;
  g_autoptr(Result) draft = NULL;
  g_autoptr(Result) final = NULL;
  g_autoptr(Result) save = NULL;
  g_autoptr(JsonNode) documents = NULL;
  g_autoptr(JsonNode) shown = NULL;
  JsonObject *first;
  JsonObject *second;

  add_manufacturer (f);
  product = add_product (f);

  /* Incomplete: a draft, stored, with a note naming what is missing. */
  draft = run (f, "generate", product, "--kind", "declaration", "--out", pdf, NULL);
  assert_ok (draft);
  g_assert_true (g_regex_match_simple ("^[0-9]+\n$", draft->out, 0, 0));
  g_assert_nonnull (strstr (draft->err, "draft"));
  g_assert_nonnull (strstr (draft->err, "place of issue"));
  assert_one_line (draft->err);
  first_id = g_strchomp (g_strdup (draft->out));

  first_sha = file_sha256 (pdf, &magic);
  g_assert_cmpstr (magic, ==, "%PDF-");

  complete_declaration (f, product);
  assess_default_product (f, product);
  final = run (f, "generate", product, "--kind", "declaration", "--out", pdf2, NULL);
  assert_ok (final);
  g_assert_cmpstr (final->err, ==, "");
  second_sha = file_sha256 (pdf2, NULL);
  g_assert_cmpstr (first_sha, !=, second_sha);

  documents = run_json (f, "documents", product, NULL);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (documents)), ==, 2);
  first = find_document (documents, first_id);
  g_assert_cmpstr (json_object_get_string_member (first, "sha256"), ==, first_sha);
  g_assert_cmpint (json_object_get_int_member (first, "version"), ==, 1);
  g_assert_true (json_object_get_boolean_member (first, "is_draft"));
  g_assert_cmpstr (json_object_get_string_member (first, "kind"), ==, "declaration");
  g_assert_cmpstr (json_object_get_string_member (first, "kind_label"), ==,
                   "EU Declaration of Conformity");
  g_assert_cmpstr (json_object_get_string_member (first, "created_by"), ==, ACTOR);
  g_assert_cmpint (json_object_get_int_member (first, "product_id"), ==,
                   g_ascii_strtoll (product, NULL, 10));

  second = find_document (documents, g_strchomp (final->out));
  g_assert_cmpstr (json_object_get_string_member (second, "sha256"), ==, second_sha);
  g_assert_cmpint (json_object_get_int_member (second, "version"), ==, 2);
  g_assert_false (json_object_get_boolean_member (second, "is_draft"));
  g_assert_cmpint (json_object_get_int_member (second, "size"), >, 1000);

  /* A stored document comes back byte for byte. */
  save = run (f, "document", "save", first_id, "--out", copy, NULL);
  assert_ok (save);
  copy_sha = file_sha256 (copy, NULL);
  g_assert_cmpstr (copy_sha, ==, first_sha);

  shown = run_json (f, "document", "show", first_id, NULL);
  g_assert_cmpstr (member_string (shown, "sha256"), ==, first_sha);
}

static void
test_generate_json (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *product = add_product (f);
  g_autoptr(JsonNode) document = run_json (f, "generate", product, "--kind", "declaration", NULL);

  g_assert_cmpint (member_int (document, "product_id"), ==, g_ascii_strtoll (product, NULL, 10));
  g_assert_cmpint (member_int (document, "version"), ==, 1);
  g_assert_cmpuint (strlen (member_string (document, "sha256")), ==, 64);
  /* No manufacturer yet: certainly a draft. */
  g_assert_true (member_bool (document, "is_draft"));
}

static void
test_generate_refused (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *product = add_product (f);
  g_autofree char *nowhere = g_build_filename (f->dir, "no-such-folder", "declaration.pdf", NULL);
  g_autoptr(Result) missing_product = run (f, "generate", "999", "--kind", "declaration", NULL);
  g_autoptr(Result) bad_out = run (f, "generate", product, "--kind", "declaration",
                                   "--out", nowhere, NULL);
  g_autoptr(Result) folder_out = run (f, "generate", product, "--kind", "declaration",
                                      "--out", f->dir, NULL);
  g_autoptr(Result) bad_kind = run (f, "generate", product, "--kind", "invoice", NULL);
  g_autoptr(Result) no_kind = run (f, "generate", product, NULL);
  g_autoptr(Result) bad_save = run (f, "document", "save", "1", "--out", nowhere, NULL);
  g_autoptr(JsonNode) audit = NULL;
  JsonArray *entries;

  assert_refused (missing_product, 1, "999");
  assert_refused (bad_out, 1, "no-such-folder");
  assert_refused (folder_out, 1, f->dir);
  assert_refused (bad_kind, 2, "invoice");
  assert_refused (no_kind, 2, "--kind");
  assert_refused (bad_save, 1, NULL);

  /* None of them stored a document. */
  g_assert_cmpuint (count_documents (f, product), ==, 0);
  audit = run_json (f, "audit", NULL);
  entries = json_node_get_array (audit);
  for (guint i = 0; i < json_array_get_length (entries); i++)
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (entries, i),
                                                    "action"), !=, "document.generate");
}

/* Audit */

static void
test_audit (Fixture       *f,
            gconstpointer  data)
{
  const char *expected[] = { "manufacturer.create", "product.create", "document.generate" };
  g_autofree char *product = NULL;
  g_autofree char *document = NULL;
  g_autoptr(JsonNode) audit = NULL;
  g_autoptr(JsonNode) last = NULL;
  g_autoptr(Result) text = NULL;
  JsonArray *entries;
  JsonObject *newest;
  guint found = 0;

  add_manufacturer (f);
  product = add_product (f);
  document = run_id (f, "generate", product, "--kind", "declaration", NULL);

  audit = run_json (f, "audit", NULL);
  entries = json_node_get_array (audit);

  /* In order, each by the --actor given, about the right object. */
  for (guint i = 0; i < json_array_get_length (entries) && found < G_N_ELEMENTS (expected); i++)
    {
      JsonObject *entry = json_array_get_object_element (entries, i);

      if (g_strcmp0 (json_object_get_string_member (entry, "action"), expected[found]) != 0)
        continue;

      g_assert_cmpstr (json_object_get_string_member (entry, "actor"), ==, ACTOR);
      g_assert_true (json_object_has_member (entry, "detail"));
      g_assert_nonnull (json_object_get_string_member (entry, "at"));
      if (found > 0)
        {
          g_assert_cmpstr (json_object_get_string_member (entry, "object_type"), ==, "product");
          g_assert_cmpint (json_object_get_int_member (entry, "object_id"), ==,
                           g_ascii_strtoll (product, NULL, 10));
        }
      found++;
    }
  g_assert_cmpuint (found, ==, G_N_ELEMENTS (expected));

  last = run_json (f, "audit", "--limit", "1", NULL);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (last)), ==, 1);
  newest = json_array_get_object_element (json_node_get_array (last), 0);
  g_assert_cmpstr (json_object_get_string_member (newest, "action"), ==, "document.generate");

  text = run (f, "audit", NULL);
  assert_ok (text);
  g_assert_nonnull (strstr (text->out, ACTOR));
  g_assert_nonnull (strstr (text->out, "product.create"));
}

/* The database */

static void
test_database_not_sqlite (Fixture       *f,
                          gconstpointer  data)
{
  const char *contents = "name,model\nThermostat,ST-200\n";
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  const char *commands_to_try[][8] = {
    { "product", "list", NULL },
    { "product", "add", "--name", "X", "--model", "Y", NULL },
    { "manufacturer", "set", "--name", "X", "--address", "Y", NULL },
  };

  g_file_set_contents (f->db, contents, -1, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (commands_to_try); i++)
    {
      g_autoptr(Result) result = run_argv (f, commands_to_try[i]);

      assert_refused (result, 1, f->db);
    }

  g_file_get_contents (f->db, &after, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (after, ==, contents);
}

/* Catalogue */

static void
test_catalogue (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(JsonNode) sections = run_json (f, "catalogue", NULL);
  g_autoptr(JsonNode) items = run_json (f, "catalogue", "AnnexI.PartI", NULL);
  g_autoptr(Result) text = run (f, "catalogue", NULL);
  g_autoptr(Result) unknown = run (f, "catalogue", "AnnexXX", NULL);
  JsonArray *array = json_node_get_array (sections);
  JsonArray *item_array = json_node_get_array (items);
  gboolean seen = FALSE;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *section = json_array_get_object_element (array, i);

      if (g_str_equal (json_object_get_string_member (section, "id"), "AnnexI.PartI"))
        {
          seen = TRUE;
          g_assert_cmpint (json_object_get_int_member (section, "item_count"), ==,
                           json_array_get_length (item_array));
          g_assert_nonnull (json_object_get_string_member (section, "title"));
        }
    }
  g_assert_true (seen);

  g_assert_cmpuint (json_array_get_length (item_array), >, 0);
  for (guint i = 0; i < json_array_get_length (item_array); i++)
    {
      JsonObject *item = json_array_get_object_element (item_array, i);

      g_assert_true (g_str_has_prefix (json_object_get_string_member (item, "id"),
                                       "AnnexI.PartI."));
      g_assert_nonnull (json_object_get_string_member (item, "ref"));
      g_assert_nonnull (json_object_get_string_member (item, "text"));
      g_assert_true (json_object_has_member (item, "label"));
    }

  assert_ok (text);
  g_assert_true (g_regex_match_simple ("^AnnexI\\.PartI +Annex I +\\d+ +Part I", text->out,
                                       G_REGEX_MULTILINE, 0));
  assert_refused (unknown, 1, "AnnexXX");

  /* The catalogue is built in: no database is needed, or created. */
  g_assert_false (g_file_test (f->db, G_FILE_TEST_EXISTS));
}

/* Scope */

/* The ids of a JSON array of strings, space-separated, for comparing at once. */
static char *
join_strings (JsonArray *array)
{
  g_autoptr(GString) joined = g_string_new (NULL);

  for (guint i = 0; i < json_array_get_length (array); i++)
    g_string_append_printf (joined, "%s%s", i > 0 ? " " : "",
                            json_array_get_string_element (array, i));

  return g_string_free (g_steal_pointer (&joined), FALSE);
}

/* Answers every scope question the way that puts the product in scope,
 * through the CLI, reading the questions from `scope show --json`. */
static void
answer_in_scope (Fixture    *f,
                 const char *id)
{
  g_autoptr(JsonNode) shown = run_json (f, "scope", "show", id, NULL);
  g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(Result) set = NULL;
  JsonArray *questions = member_array (shown, "questions");

  g_ptr_array_add (args, g_strdup ("scope"));
  g_ptr_array_add (args, g_strdup ("set"));
  g_ptr_array_add (args, g_strdup (id));
  for (guint i = 0; i < json_array_get_length (questions); i++)
    {
      JsonObject *question = json_array_get_object_element (questions, i);

      g_ptr_array_add (args, g_strdup ("--answer"));
      g_ptr_array_add (args, g_strdup_printf ("%s=%s",
                                              json_object_get_string_member (question, "id"),
                                              json_object_get_string_member (question,
                                                                             "in_scope_answer")));
    }
  g_ptr_array_add (args, NULL);

  set = run_argv (f, (const char * const *) args->pdata);
  assert_ok (set);
  g_assert_cmpstr (set->out, ==, "");
}

static const char *
scope_outcome (Fixture    *f,
               const char *id,
               JsonNode  **shown)
{
  g_clear_pointer (shown, json_node_unref);
  *shown = run_json (f, "scope", "show", id, NULL);

  return member_string (*shown, "outcome");
}

static void
test_scope (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *id = add_product (f);
  g_autoptr(JsonNode) shown = NULL;
  g_autoptr(Result) out_of_scope = NULL;
  g_autoptr(Result) conflict = NULL;
  g_autoptr(Result) unsure = NULL;
  g_autoptr(Result) cleared = NULL;
  g_autoptr(Result) text = NULL;
  JsonArray *questions;
  JsonArray *reasons;
  JsonObject *reason;
  gboolean spare_part_reason = FALSE;

  /* Nothing answered: incomplete, every question of the catalogue listed
   * without an answer. */
  g_assert_cmpstr (scope_outcome (f, id, &shown), ==, "incomplete");
  questions = member_array (shown, "questions");
  {
    g_autoptr(CfCatalogue) catalogue = cf_catalogue_load_default (NULL);
    g_autoptr(GPtrArray) all = cf_scope_list_questions (catalogue);

    g_assert_cmpuint (all->len, >=, 11);
    g_assert_cmpuint (json_array_get_length (questions), ==, all->len);
  }
  for (guint i = 0; i < json_array_get_length (questions); i++)
    {
      JsonObject *question = json_array_get_object_element (questions, i);

      g_assert_true (json_object_get_null_member (question, "answer"));
      g_assert_nonnull (json_object_get_string_member (question, "text"));
      g_assert_nonnull (json_object_get_string_member (question, "ref"));
      g_assert_true (json_object_has_member (question, "help"));
    }
  g_assert_cmpuint (json_object_get_size (json_object_get_object_member (json_node_get_object (shown),
                                                                          "answers")), ==, 0);

  answer_in_scope (f, id);
  g_assert_cmpstr (scope_outcome (f, id, &shown), ==, "in-scope");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (
                     json_node_get_object (shown), "answers"), "spare-part"), ==, "no");

  text = run (f, "scope", "show", id, NULL);
  assert_ok (text);
  g_assert_true (g_regex_match_simple ("^Scope: +In scope$", text->out, G_REGEX_MULTILINE, 0));
  g_assert_true (g_regex_match_simple ("^  spare-part: no$", text->out, G_REGEX_MULTILINE, 0));

  /* An exclusion, with the article it rests on. */
  out_of_scope = run (f, "scope", "set", id, "--answer", "spare-part=yes", NULL);
  assert_ok (out_of_scope);
  g_assert_cmpstr (scope_outcome (f, id, &shown), ==, "out-of-scope");
  reasons = member_array (shown, "reasons");
  for (guint i = 0; i < json_array_get_length (reasons); i++)
    {
      reason = json_array_get_object_element (reasons, i);
      if (g_strcmp0 (json_object_get_string_member (reason, "question"), "spare-part") == 0)
        {
          spare_part_reason = TRUE;
          g_assert_nonnull (strstr (json_object_get_string_member (reason, "ref"),
                                    "Article 2(6)"));
        }
    }
  g_assert_true (spare_part_reason);

  /* Answers that exclude each other need a lawyer. */
  conflict = run (f, "scope", "set", id, "--answer", "spare-part=no",
                  "--answer", "commercial=yes", "--answer", "foss-not-monetised=yes", NULL);
  assert_ok (conflict);
  g_assert_cmpstr (scope_outcome (f, id, &shown), ==, "needs-review");
  reason = json_array_get_object_element (member_array (shown, "reasons"), 0);
  g_assert_true (json_object_get_null_member (reason, "question"));

  /* So does an answer the user is not sure of (answers are not case-sensitive). */
  unsure = run (f, "scope", "set", id, "--answer", "foss-not-monetised=no",
                "--answer", "medical-device=Unsure", NULL);
  assert_ok (unsure);
  g_assert_cmpstr (scope_outcome (f, id, &shown), ==, "needs-review");
  reason = json_array_get_object_element (member_array (shown, "reasons"), 0);
  g_assert_cmpstr (json_object_get_string_member (reason, "question"), ==, "medical-device");

  /* A withdrawn answer leaves the check incomplete. */
  cleared = run (f, "scope", "set", id, "--clear", "medical-device", NULL);
  assert_ok (cleared);
  g_assert_cmpstr (scope_outcome (f, id, &shown), ==, "incomplete");
  g_assert_false (json_object_has_member (json_object_get_object_member (
                    json_node_get_object (shown), "answers"), "medical-device"));
}

static void
test_scope_refused (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *id = add_product (f);
  g_autoptr(Result) before = NULL;
  g_autoptr(Result) after = NULL;
  g_autoptr(Result) bad_question = NULL;
  g_autoptr(Result) bad_answer = NULL;
  g_autoptr(Result) no_answer = NULL;
  g_autoptr(Result) twice = NULL;
  g_autoptr(Result) nothing = NULL;
  g_autoptr(Result) missing = NULL;

  answer_in_scope (f, id);
  before = run (f, "scope", "show", id, "--json", NULL);
  assert_ok (before);

  /* Each comes with a valid answer that must not be stored either. */
  bad_question = run (f, "scope", "set", id, "--answer", "spare-part=yes",
                      "--answer", "is-a-toaster=yes", NULL);
  assert_refused (bad_question, 2, "is-a-toaster");
  /* The message lists the questions there are. */
  g_assert_nonnull (strstr (bad_question->err, "commercial, data-connection"));
  g_assert_nonnull (strstr (bad_question->err, "pure-saas"));

  bad_answer = run (f, "scope", "set", id, "--answer", "spare-part=yes",
                    "--answer", "commercial=maybe", NULL);
  assert_refused (bad_answer, 2, "maybe");
  g_assert_nonnull (strstr (bad_answer->err, "yes, no or unsure"));

  no_answer = run (f, "scope", "set", id, "--answer", "spare-part", NULL);
  assert_refused (no_answer, 2, "QUESTION=ANSWER");
  twice = run (f, "scope", "set", id, "--answer", "spare-part=yes",
               "--answer", "spare-part=no", NULL);
  assert_refused (twice, 2, "spare-part");
  nothing = run (f, "scope", "set", id, NULL);
  assert_refused (nothing, 2, "--answer");
  missing = run (f, "scope", "set", "999", "--answer", "spare-part=no", NULL);
  assert_refused (missing, 1, "999");

  after = run (f, "scope", "show", id, "--json", NULL);
  assert_ok (after);
  g_assert_cmpstr (after->out, ==, before->out);
}

/* Classification */

static JsonObject *
array_object (JsonNode *array,
              guint     index)
{
  g_assert_cmpuint (json_array_get_length (json_node_get_array (array)), >, index);

  return json_array_get_object_element (json_node_get_array (array), index);
}

static void
test_classify_suggest (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(JsonNode) baby = NULL;
  g_autoptr(JsonNode) thermostat = NULL;
  g_autoptr(JsonNode) tv = NULL;
  g_autoptr(Result) baby_text = NULL;
  g_autoptr(Result) tv_text = NULL;
  g_autoptr(Result) empty = NULL;
  g_autoptr(Result) blank = NULL;
  g_autofree char *words = NULL;
  JsonObject *best;

  /* Several arguments are one description. */
  baby = run_json (f, "classify", "suggest", "WiFi", "baby", "monitor", "with", "night",
                   "vision", NULL);
  best = array_object (baby, 0);
  g_assert_cmpstr (json_object_get_string_member (best, "item"), ==, "AnnexIII.ClassI.17");
  g_assert_cmpstr (json_object_get_string_member (best, "category"), ==, "important-class-1");
  g_assert_true (g_str_has_prefix (json_object_get_string_member (best, "title"),
                                   "Smart home products with security functionalities"));
  g_assert_cmpstr (json_object_get_string_member (best, "ref"), ==,
                   "Annex III, Class I, point 17");
  g_assert_cmpfloat (json_object_get_double_member (best, "score"), >, 0);
  g_assert_false (json_object_get_boolean_member (best, "feature"));
  words = join_strings (json_object_get_array_member (best, "matched_words"));
  g_assert_cmpstr (words, ==, "baby monitor");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (best, "matched_terms")),
                    >, 0);

  thermostat = run_json (f, "classify", "suggest", "Smart thermostat", NULL);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (thermostat));
  g_assert_cmpuint (json_array_get_length (json_node_get_array (thermostat)), ==, 0);

  /* A browser the TV comes with does not make the TV important (Article 7(1)). */
  tv = run_json (f, "classify", "suggest", "Smart TV with built-in web browser", NULL);
  best = array_object (tv, 0);
  g_assert_cmpstr (json_object_get_string_member (best, "item"), ==, "AnnexIII.ClassI.2");
  g_assert_true (json_object_get_boolean_member (best, "feature"));

  tv_text = run (f, "classify", "suggest", "Smart TV with built-in web browser", NULL);
  assert_ok (tv_text);
  g_assert_nonnull (strstr (tv_text->out, "(feature: integrating it does not make the product "
                                          "important, Article 7(1))"));
  g_assert_true (g_regex_match_simple ("^Suggested category: Default", tv_text->out,
                                       G_REGEX_MULTILINE, 0));

  /* Text: numbered, the matched words marked in the regulation's title. */
  baby_text = run (f, "classify", "suggest", "WiFi baby monitor with night vision", NULL);
  assert_ok (baby_text);
  g_assert_true (g_str_has_prefix (baby_text->out, "1. Important, class I — Annex III, Class I, "
                                                   "point 17 (AnnexIII.ClassI.17)\n"));
  g_assert_nonnull (strstr (baby_text->out, "[baby]"));
  g_assert_nonnull (strstr (baby_text->out, "Matched: baby monitor"));
  g_assert_true (g_regex_match_simple ("^Suggested category: Important, class I", baby_text->out,
                                       G_REGEX_MULTILINE, 0));

  empty = run (f, "classify", "suggest", NULL);
  assert_refused (empty, 2, NULL);
  blank = run (f, "classify", "suggest", "  ", NULL);
  assert_refused (blank, 2, "empty");

  /* The catalogue is built in: --db names a file that never appears. */
  g_assert_false (g_file_test (f->db, G_FILE_TEST_EXISTS));
}

static void
test_classify_set (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *gateway = run_id (f, "product", "add", "--name", "Edge Gateway",
                                     "--model", "EG-1", NULL);
  g_autofree char *monitor = run_id (f, "product", "add", "--name", "WiFi baby monitor",
                                     "--model", "BM-1", NULL);
  g_autoptr(Result) unexplained = NULL;
  g_autoptr(Result) two_classes = NULL;
  g_autoptr(Result) default_refused = NULL;
  g_autoptr(Result) default_justified = NULL;
  g_autoptr(Result) unknown_item = NULL;
  g_autoptr(Result) neither = NULL;
  g_autoptr(Result) both = NULL;
  g_autoptr(Result) public_not_foss = NULL;
  g_autoptr(Result) missing = NULL;
  g_autoptr(JsonNode) shown = NULL;
  g_autoptr(JsonNode) still = NULL;
  g_autoptr(JsonNode) overridden = NULL;
  g_autoptr(JsonNode) audit = NULL;
  g_autofree char *items = NULL;
  JsonArray *details;
  JsonArray *entries;
  gboolean override_logged = FALSE;

  /* “Edge Gateway” suggests no category: class II needs a reason… */
  unexplained = run (f, "classify", "set", gateway, "--item", "AnnexIII.ClassI.12",
                     "--item", "AnnexIII.ClassII.2", NULL);
  assert_refused (unexplained, 1, "justification");

  /* …unless the description given suggests class II too. The highest class wins. */
  two_classes = run (f, "classify", "set", gateway, "--item", "AnnexIII.ClassI.12",
                     "--item", "AnnexIII.ClassII.2",
                     "--description", "Firewall appliance and router", NULL);
  assert_ok (two_classes);
  g_assert_cmpstr (two_classes->out, ==, "");
  shown = run_json (f, "classify", "show", gateway, NULL);
  g_assert_true (member_bool (shown, "classified"));
  g_assert_cmpstr (member_string (shown, "category"), ==, "important-class-2");
  g_assert_cmpstr (member_string (shown, "suggested_category"), ==, "important-class-2");
  g_assert_cmpstr (member_string (shown, "description"), ==, "Firewall appliance and router");
  g_assert_true (member_is_null (shown, "justification"));
  items = join_strings (member_array (shown, "items"));
  g_assert_cmpstr (items, ==, "AnnexIII.ClassI.12 AnnexIII.ClassII.2");
  details = member_array (shown, "item_details");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (details, 0),
                                                  "category"), ==, "important-class-1");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (details, 1),
                                                  "ref"), ==, "Annex III, Class II, point 2");
  g_assert_nonnull (strstr (member_string (shown, "rationale"), "Important, class II"));

  /* A baby monitor declared default: an override, refused without a reason… */
  default_refused = run (f, "classify", "set", monitor, "--default", NULL);
  assert_refused (default_refused, 1, "justification");
  still = run_json (f, "classify", "show", monitor, NULL);
  g_assert_false (member_bool (still, "classified"));
  g_assert_cmpstr (member_string (still, "category"), ==, "default");
  g_assert_cmpstr (member_string (still, "suggested_category"), ==, "important-class-1");

  /* …and stored with one, which the audit log keeps. */
  default_justified = run (f, "classify", "set", monitor, "--default", "--justification",
                           "The camera module is bought in; the product is a relay.", NULL);
  assert_ok (default_justified);
  overridden = run_json (f, "classify", "show", monitor, NULL);
  g_assert_true (member_bool (overridden, "classified"));
  g_assert_cmpstr (member_string (overridden, "category"), ==, "default");
  g_assert_cmpuint (json_array_get_length (member_array (overridden, "items")), ==, 0);
  g_assert_cmpstr (member_string (overridden, "justification"), ==,
                   "The camera module is bought in; the product is a relay.");

  audit = run_json (f, "audit", NULL);
  entries = json_node_get_array (audit);
  for (guint i = 0; i < json_array_get_length (entries); i++)
    {
      JsonObject *entry = json_array_get_object_element (entries, i);

      if (g_strcmp0 (json_object_get_string_member (entry, "action"),
                     "classification.override") != 0)
        continue;
      override_logged = TRUE;
      g_assert_cmpint (json_object_get_int_member (entry, "object_id"), ==,
                       g_ascii_strtoll (monitor, NULL, 10));
      g_assert_nonnull (strstr (json_object_get_string_member (entry, "detail"),
                                "The camera module is bought in"));
      g_assert_cmpstr (json_object_get_string_member (entry, "actor"), ==, ACTOR);
    }
  g_assert_true (override_logged);

  unknown_item = run (f, "classify", "set", gateway, "--item", "AnnexIII.ClassI.99", NULL);
  assert_refused (unknown_item, 1, "AnnexIII.ClassI.99");
  neither = run (f, "classify", "set", gateway, NULL);
  assert_refused (neither, 2, "--default");
  both = run (f, "classify", "set", gateway, "--item", "AnnexIII.ClassI.12", "--default", NULL);
  assert_refused (both, 2, "--default");
  public_not_foss = run (f, "classify", "set", gateway, "--default", "--documentation-public",
                         NULL);
  assert_refused (public_not_foss, 2, "--foss");
  missing = run (f, "classify", "set", "999", "--default", NULL);
  assert_refused (missing, 1, "999");

  /* None of the refusals changed the gateway's classification. */
  g_clear_pointer (&shown, json_node_unref);
  shown = run_json (f, "classify", "show", gateway, NULL);
  g_assert_cmpstr (member_string (shown, "category"), ==, "important-class-2");
}

static char *
procedures_of (Fixture    *f,
               const char *id)
{
  g_autoptr(JsonNode) shown = run_json (f, "classify", "show", id, NULL);

  return join_strings (member_array (shown, "procedures"));
}

static void
classify (Fixture    *f,
          const char *id,
          const char *first,
          ...) G_GNUC_NULL_TERMINATED;

/* classify set ID ARGS… --justification …, which must succeed. */
static void
classify (Fixture    *f,
          const char *id,
          const char *first,
          ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(Result) result = NULL;
  const char *arg;
  va_list ap;

  g_ptr_array_add (args, (char *) "classify");
  g_ptr_array_add (args, (char *) "set");
  g_ptr_array_add (args, (char *) id);
  va_start (ap, first);
  for (arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (char *) arg);
  va_end (ap);
  /* The thermostats below suggest the default category. */
  g_ptr_array_add (args, (char *) "--justification");
  g_ptr_array_add (args, (char *) "Checked by hand against Annex III.");
  g_ptr_array_add (args, NULL);

  result = run_argv (f, (const char * const *) args->pdata);
  assert_ok (result);
}

/* `classify coverage ID --applied REQ=EN 18031-1:2024` for every essential
 * requirement the catalogue lists. */
static void
cover_every_requirement (Fixture    *f,
                         const char *id)
{
  const char *sections[] = { "AnnexI.PartI", "AnnexI.PartII" };
  g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(Result) result = NULL;

  g_ptr_array_add (args, g_strdup ("classify"));
  g_ptr_array_add (args, g_strdup ("coverage"));
  g_ptr_array_add (args, g_strdup (id));
  for (guint s = 0; s < G_N_ELEMENTS (sections); s++)
    {
      g_autoptr(JsonNode) items = run_json (f, "catalogue", sections[s], NULL);
      JsonArray *array = json_node_get_array (items);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonObject *item = json_array_get_object_element (array, i);

          if (g_strcmp0 (json_object_get_string_member (item, "kind"), "requirement") != 0)
            continue;
          g_ptr_array_add (args, g_strdup ("--applied"));
          g_ptr_array_add (args, g_strdup_printf ("%s=EN 18031-1:2024",
                                                  json_object_get_string_member (item, "id")));
        }
    }
  g_ptr_array_add (args, NULL);

  result = run_argv (f, (const char * const *) args->pdata);
  assert_ok (result);
  g_assert_cmpstr (result->out, ==, "");
}

static void
test_classify_procedures (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *id = add_product (f);
  g_autofree char *foss = add_product (f);
  g_autofree char *unclassified = NULL;
  g_autofree char *as_default = NULL;
  g_autofree char *class_1 = NULL;
  g_autofree char *partly = NULL;
  g_autofree char *covered = NULL;
  g_autofree char *class_2 = NULL;
  g_autofree char *critical = NULL;
  g_autofree char *foss_only = NULL;
  g_autofree char *foss_public = NULL;
  g_autoptr(JsonNode) shown = NULL;
  g_autoptr(JsonNode) after = NULL;
  g_autoptr(Result) partial = NULL;
  g_autoptr(Result) unknown = NULL;
  g_autoptr(Result) text = NULL;
  JsonArray *routes;
  JsonObject *module_a;

  /* Not classified yet: presumed default, every procedure open. */
  shown = run_json (f, "classify", "show", id, NULL);
  g_assert_false (member_bool (shown, "classified"));
  g_assert_cmpstr (member_string (shown, "category"), ==, "default");
  g_assert_cmpuint (json_array_get_length (member_array (shown, "items")), ==, 0);
  g_assert_cmpstr (member_string (shown, "suggested_category"), ==, "default");
  unclassified = join_strings (member_array (shown, "procedures"));
  g_assert_cmpstr (unclassified, ==, "module-a module-b+c module-h eucc");
  routes = member_array (shown, "routes");
  g_assert_cmpuint (json_array_get_length (routes), ==, 4);
  module_a = json_array_get_object_element (routes, 0);
  g_assert_cmpstr (json_object_get_string_member (module_a, "procedure"), ==, "module-a");
  g_assert_cmpstr (json_object_get_string_member (module_a, "status"), ==, "open");
  g_assert_false (json_object_get_boolean_member (module_a, "notified_body"));
  g_assert_cmpstr (json_object_get_string_member (module_a, "ref"), ==, "Article 32(1)");
  g_assert_nonnull (json_object_get_string_member (module_a, "explanation"));

  classify (f, id, "--default", NULL);
  as_default = procedures_of (f, id);
  g_assert_cmpstr (as_default, ==, "module-a module-b+c module-h eucc");

  /* Class I: module A only once standards cover every requirement in full. */
  classify (f, id, "--item", "AnnexIII.ClassI.17", NULL);
  class_1 = procedures_of (f, id);
  g_assert_cmpstr (class_1, ==, "module-b+c module-h eucc");

  partial = run (f, "classify", "coverage", id, "--applied", "AnnexI.PartI.1=EN 18031-1:2024",
                 "--not-applied", "AnnexI.PartII.8", NULL);
  assert_ok (partial);
  partly = procedures_of (f, id);
  g_assert_cmpstr (partly, ==, "module-b+c module-h eucc");
  g_clear_pointer (&shown, json_node_unref);
  shown = run_json (f, "classify", "show", id, NULL);
  g_assert_cmpint (member_int (shown, "requirements_covered"), ==, 1);
  g_assert_cmpint (member_int (shown, "requirements_total"), ==, 22);
  module_a = json_array_get_object_element (member_array (shown, "routes"), 0);
  g_assert_cmpstr (json_object_get_string_member (module_a, "status"), ==, "covered-requirements");
  g_assert_false (json_object_get_boolean_member (module_a, "usable"));
  g_assert_cmpstr (json_object_get_string_member (module_a, "ref"), ==, "Article 32(2)");
  {
    JsonObject *first = json_array_get_object_element (member_array (shown, "coverage"), 0);

    g_assert_cmpstr (json_object_get_string_member (first, "requirement"), ==, "AnnexI.PartI.1");
    g_assert_true (json_object_get_boolean_member (first, "applied_in_full"));
    g_assert_cmpstr (json_object_get_string_member (first, "reference"), ==, "EN 18031-1:2024");
  }

  /* Unknown requirements are named, and nothing of the call is stored. */
  unknown = run (f, "classify", "coverage", id, "--applied", "AnnexI.PartI.2.a=EN 1",
                 "--applied", "AnnexI.PartI.9", "--not-applied", "Annex1.Part1.1", NULL);
  assert_refused (unknown, 1, "AnnexI.PartI.9");
  g_assert_nonnull (strstr (unknown->err, "Annex1.Part1.1"));
  after = run_json (f, "classify", "show", id, NULL);
  g_assert_cmpint (member_int (after, "requirements_covered"), ==, 1);

  cover_every_requirement (f, id);
  covered = procedures_of (f, id);
  g_assert_cmpstr (covered, ==, "module-a module-b+c module-h eucc");

  text = run (f, "classify", "show", id, NULL);
  assert_ok (text);
  g_assert_true (g_regex_match_simple ("^Category: +Important, class I \\(", text->out,
                                       G_REGEX_MULTILINE, 0));
  g_assert_true (g_regex_match_simple ("^Standards coverage: +22 of 22 ", text->out,
                                       G_REGEX_MULTILINE, 0));
  g_assert_true (g_regex_match_simple ("^Usable procedures: +module-a, module-b\\+c, module-h, eucc$",
                                       text->out, G_REGEX_MULTILINE, 0));
  g_assert_nonnull (strstr (text->out, "Rationale:"));

  /* Class II never has module A, whatever the standards; nor has critical. */
  classify (f, id, "--item", "AnnexIII.ClassII.2", NULL);
  class_2 = procedures_of (f, id);
  g_assert_cmpstr (class_2, ==, "module-b+c module-h eucc");
  classify (f, id, "--item", "AnnexIV.3", NULL);
  critical = procedures_of (f, id);
  g_assert_cmpstr (critical, ==, "module-b+c module-h eucc");

  /* Article 32(5): free software with public documentation keeps module A. */
  classify (f, foss, "--item", "AnnexIII.ClassI.17", "--foss", NULL);
  foss_only = procedures_of (f, foss);
  g_assert_cmpstr (foss_only, ==, "module-b+c module-h eucc");
  classify (f, foss, "--item", "AnnexIII.ClassI.17", "--foss", "--documentation-public", NULL);
  foss_public = procedures_of (f, foss);
  g_assert_cmpstr (foss_public, ==, "module-a module-b+c module-h eucc");
  g_clear_pointer (&shown, json_node_unref);
  shown = run_json (f, "classify", "show", foss, NULL);
  g_assert_true (member_bool (shown, "is_foss"));
  g_assert_true (member_bool (shown, "documentation_public"));
  module_a = json_array_get_object_element (member_array (shown, "routes"), 0);
  g_assert_cmpstr (json_object_get_string_member (module_a, "ref"), ==, "Article 32(5)");
}

/* Dates */

static JsonNode *
set_dates (Fixture    *f,
           const char *id,
           const char *option,
           const char *value)
{
  g_autoptr(Result) set = run (f, "product", "set", id, option, value, NULL);

  assert_ok (set);

  return run_json (f, "dates", id, NULL);
}

static void
test_dates (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *id = add_product (f);
  g_autoptr(JsonNode) none = run_json (f, "dates", id, NULL);
  g_autoptr(JsonNode) placed = NULL;
  g_autoptr(JsonNode) short_support = NULL;
  g_autoptr(JsonNode) explained = NULL;
  g_autoptr(JsonNode) later = NULL;
  g_autoptr(JsonNode) earlier = NULL;
  g_autoptr(Result) text = NULL;
  g_autoptr(Result) bad_date = NULL;
  JsonArray *key_dates = member_array (none, "key_dates");
  gboolean application_listed = FALSE;

  /* No dates recorded: the regulation's dates only. */
  g_assert_true (member_is_null (none, "placed_on_market"));
  g_assert_true (member_is_null (none, "support_end"));
  g_assert_true (member_is_null (none, "support_months"));
  g_assert_true (member_is_null (none, "retention_until"));
  g_assert_true (member_is_null (none, "end_of_support"));
  g_assert_cmpint (member_int (none, "minimum_support_years"), ==, 5);
  g_assert_false (member_bool (none, "placed_before_application"));
  g_assert_cmpuint (json_array_get_length (key_dates), ==, 3);
  for (guint i = 0; i < json_array_get_length (key_dates); i++)
    {
      JsonObject *key = json_array_get_object_element (key_dates, i);

      g_assert_true (json_object_has_member (key, "passed"));
      g_assert_nonnull (json_object_get_string_member (key, "label"));
      g_assert_nonnull (json_object_get_string_member (key, "ref"));
      if (g_str_equal (json_object_get_string_member (key, "id"), "Date.application"))
        {
          application_listed = TRUE;
          g_assert_cmpstr (json_object_get_string_member (key, "date"), ==, "2027-12-11");
        }
    }
  g_assert_true (application_listed);

  placed = set_dates (f, id, "--placed-on-market", "2027-03-01");
  g_assert_cmpstr (member_string (placed, "placed_on_market"), ==, "2027-03-01");
  g_assert_cmpstr (member_string (placed, "retention_until"), ==, "2037-03-01");
  g_assert_false (member_bool (placed, "support_needs_rationale"));

  /* Three years of support: short of the five of Article 13(8), unexplained. */
  short_support = set_dates (f, id, "--support-end", "2030-03-01");
  g_assert_cmpstr (member_string (short_support, "support_end"), ==, "2030-03-01");
  g_assert_cmpint (member_int (short_support, "support_months"), ==, 36);
  g_assert_true (member_bool (short_support, "support_shorter_than_minimum"));
  g_assert_true (member_bool (short_support, "support_needs_rationale"));
  g_assert_nonnull (strstr (member_string (short_support, "end_of_support"), "2030"));
  g_assert_cmpstr (member_string (short_support, "retention_until"), ==, "2037-03-01");
  /* 1 March 2027 is before 11 December 2027: Article 69(2). */
  g_assert_true (member_bool (short_support, "placed_before_application"));

  text = run (f, "dates", id, NULL);
  assert_ok (text);
  g_assert_true (g_regex_match_simple ("^End of support: +2030-03-01 \\(March 2030\\)$", text->out,
                                       G_REGEX_MULTILINE, 0));
  g_assert_nonnull (strstr (text->out, "--support-rationale"));
  g_assert_nonnull (strstr (text->out, "2027-12-11 (ahead): All obligations"));

  explained = set_dates (f, id, "--support-rationale", "Expected use time is three years.");
  g_assert_true (member_bool (explained, "support_shorter_than_minimum"));
  g_assert_false (member_bool (explained, "support_needs_rationale"));
  g_assert_cmpstr (member_string (explained, "support_rationale"), ==,
                   "Expected use time is three years.");

  later = set_dates (f, id, "--placed-on-market", "2028-01-15");
  g_assert_false (member_bool (later, "placed_before_application"));
  earlier = set_dates (f, id, "--placed-on-market", "2026-05-01");
  g_assert_true (member_bool (earlier, "placed_before_application"));
  g_assert_cmpstr (member_string (earlier, "retention_until"), ==, "2036-05-01");

  bad_date = run (f, "product", "set", id, "--placed-on-market", "2027-02-30", NULL);
  assert_refused (bad_date, 1, "2027-02-30");
}

/* The new commands and the database */

static void
test_assessment_no_database (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *png = fixture_file (f, "chart.png");
  const char *commands_to_try[][16] = {
    { "scope", "show", "1", NULL },
    { "scope", "set", "1", "--answer", "spare-part=no", NULL },
    { "classify", "show", "1", NULL },
    { "classify", "set", "1", "--default", NULL },
    { "classify", "coverage", "1", "--applied", "AnnexI.PartI.1", NULL },
    { "dates", "1", "--json", NULL },
    { "assess", "show", "1", NULL },
    { "assess", "set", "1", "AnnexI.PartI.2.a", "--applicable", "yes", NULL },
    { "assess", "context", "1", "--intended-purpose", "Heating.", NULL },
    { "threat", "add", "1", "--asset", "Web interface", "--title", "Password guessing",
      "--stride", "S", "--likelihood", "2", "--impact", "2", NULL },
    { "threat", "set", "1", "T1", "--likelihood", "3", NULL },
    { "threat", "remove", "1", "T1", NULL },
    { "threat", "list", "1", "--json", NULL },
    { "readiness", "1", NULL },
    { "chart", "1", "--kind", "heatmap", "--out", png, NULL },
  };

  /* Reading or recording, a product that cannot exist is refused, and a
   * mistyped --db does not leave an empty project behind. */
  for (guint i = 0; i < G_N_ELEMENTS (commands_to_try); i++)
    {
      g_autoptr(Result) result = run_argv (f, commands_to_try[i]);

      assert_refused (result, 1, "no product with id 1");
    }

  g_assert_false (g_file_test (f->db, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (png, G_FILE_TEST_EXISTS));
}

/* The declaration through the new commands */

static void
test_declaration_assessed (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *id = NULL;
  g_autofree char *class_2 = NULL;
  g_autofree char *before_ids = NULL;
  g_autofree char *scoped_ids = NULL;
  g_autofree char *module_a_ids = NULL;
  g_autofree char *b_c_ids = NULL;
  g_autoptr(JsonNode) before = NULL;
  g_autoptr(JsonNode) scoped = NULL;
  g_autoptr(JsonNode) ready = NULL;
  g_autoptr(JsonNode) module_a = NULL;
  g_autoptr(JsonNode) b_c = NULL;
  g_autoptr(Result) procedure = NULL;

  add_manufacturer (f);
  id = add_product (f);
  complete_declaration (f, id);

  before = run_json (f, "declaration", "show", id, NULL);
  before_ids = missing_ids (before);
  g_assert_cmpstr (before_ids, ==, "scope.in-scope classification.category assessment.ready");

  answer_in_scope (f, id);
  scoped = run_json (f, "declaration", "show", id, NULL);
  scoped_ids = missing_ids (scoped);
  g_assert_cmpstr (scoped_ids, ==, "classification.category assessment.ready");

  classify (f, id, "--default", NULL);
  complete_risk_assessment (f, id);
  ready = run_json (f, "declaration", "show", id, NULL);
  g_assert_true (member_bool (ready, "ready"));

  /* Class II cannot use module A: the declaration says so… */
  class_2 = add_product (f);
  complete_declaration (f, class_2);
  answer_in_scope (f, class_2);
  classify (f, class_2, "--item", "AnnexIII.ClassII.2", NULL);
  module_a = run_json (f, "declaration", "show", class_2, NULL);
  g_assert_false (member_bool (module_a, "ready"));
  module_a_ids = missing_ids (module_a);
  g_assert_nonnull (strstr (module_a_ids, "declaration.procedure-open"));

  /* …until a procedure open to it is chosen. */
  procedure = run (f, "declaration", "set", class_2, "--procedure", "module-b+c", NULL);
  assert_ok (procedure);
  b_c = run_json (f, "declaration", "show", class_2, NULL);
  b_c_ids = missing_ids (b_c);
  g_assert_null (strstr (b_c_ids, "declaration.procedure-open"));
  g_assert_null (strstr (b_c_ids, "classification.category"));
}

/* The risk assessment: essential requirements */

/* The requirement @id in `assess show --json`, which lists all of them. */
static JsonObject *
find_requirement (JsonNode   *shown,
                  const char *id)
{
  JsonArray *requirements = member_array (shown, "requirements");

  for (guint i = 0; i < json_array_get_length (requirements); i++)
    {
      JsonObject *requirement = json_array_get_object_element (requirements, i);

      if (g_strcmp0 (json_object_get_string_member (requirement, "id"), id) == 0)
        return requirement;
    }

  g_error ("assess show does not list %s", id);
  return NULL;
}

/* "a|b c": like join_strings(), for strings that hold spaces (references). */
static char *
join_references (JsonArray *array)
{
  g_autoptr(GString) joined = g_string_new (NULL);

  for (guint i = 0; i < json_array_get_length (array); i++)
    g_string_append_printf (joined, "%s%s", i > 0 ? "|" : "",
                            json_array_get_string_element (array, i));

  return g_string_free (g_steal_pointer (&joined), FALSE);
}

static char *
requirement_strings (JsonNode   *shown,
                     const char *id,
                     const char *member)
{
  return join_references (json_object_get_array_member (find_requirement (shown, id), member));
}

/* What `assess show --json` prints, to prove a refusal changed nothing. */
static char *
assessment_snapshot (Fixture    *f,
                     const char *id)
{
  g_autoptr(Result) shown = run (f, "assess", "show", id, "--json", NULL);

  assert_ok (shown);
  return g_steal_pointer (&shown->out);
}

/* threat add ID ARGS…, which must print @label alone. */
static void
add_threat (Fixture    *f,
            const char *id,
            const char *label,
            const char *first,
            ...) G_GNUC_NULL_TERMINATED;

static void
add_threat (Fixture    *f,
            const char *id,
            const char *label,
            const char *first,
            ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(Result) result = NULL;
  g_autofree char *expected = g_strconcat (label, "\n", NULL);
  const char *arg;
  va_list ap;

  g_ptr_array_add (args, (char *) "threat");
  g_ptr_array_add (args, (char *) "add");
  g_ptr_array_add (args, (char *) id);
  va_start (ap, first);
  for (arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (char *) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  result = run_argv (f, (const char * const *) args->pdata);
  assert_ok (result);
  g_assert_cmpstr (result->out, ==, expected);
  g_assert_cmpstr (result->err, ==, "");
}

static void
test_assess_round_trip (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *id = add_product (f);
  g_autoptr(JsonNode) fresh = NULL;
  g_autoptr(JsonNode) recorded = NULL;
  g_autoptr(JsonNode) kept = NULL;
  g_autoptr(JsonNode) replaced = NULL;
  g_autoptr(JsonNode) cleared = NULL;
  g_autoptr(Result) set = NULL;
  g_autoptr(Result) status_only = NULL;
  g_autoptr(Result) replace = NULL;
  g_autoptr(Result) clear = NULL;
  g_autoptr(Result) not_applicable = NULL;
  g_autoptr(Result) context = NULL;
  g_autoptr(Result) text = NULL;
  g_auto(GStrv) lines = NULL;
  g_autofree char *standards = NULL;
  g_autofree char *threats = NULL;
  JsonArray *requirements;
  JsonArray *suggested;
  JsonObject *b;
  JsonObject *unassessed;
  JsonObject *shown_context;
  gboolean suggests_5_1 = FALSE;

  add_threat (f, id, "T1", "--asset", "Web interface", "--title", "Password guessing",
              "--stride", "spoofing", "--likelihood", "3", "--impact", "3", NULL);
  add_threat (f, id, "T2", "--asset", "Factory reset", "--title", "Settings survive a reset",
              "--stride", "I", "--likelihood", "2", "--impact", "2", NULL);

  /* Every requirement, assessed or not, in the order of Annex I. */
  fresh = run_json (f, "assess", "show", id, NULL);
  g_assert_cmpint (member_int (fresh, "product_id"), ==, g_ascii_strtoll (id, NULL, 10));
  requirements = member_array (fresh, "requirements");
  g_assert_cmpuint (json_array_get_length (requirements), ==, 22);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (requirements, 0),
                                                  "id"), ==, "AnnexI.PartI.1");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (requirements, 21),
                                                  "id"), ==, "AnnexI.PartII.8");
  unassessed = find_requirement (fresh, "AnnexI.PartI.2.b");
  g_assert_false (json_object_get_boolean_member (unassessed, "assessed"));
  g_assert_true (json_object_get_null_member (unassessed, "applicable"));
  g_assert_true (json_object_get_null_member (unassessed, "status"));
  g_assert_true (json_object_get_null_member (unassessed, "updated_at"));
  g_assert_cmpstr (json_object_get_string_member (unassessed, "ref"), ==,
                   "Annex I, Part I, point (2)(b)");

  /* The catalogue's standards for the requirement, each with the reference
   * --standard takes. */
  suggested = json_object_get_array_member (unassessed, "suggested_standards");
  g_assert_cmpuint (json_array_get_length (suggested), >, 0);
  for (guint i = 0; i < json_array_get_length (suggested); i++)
    {
      JsonObject *clause = json_array_get_object_element (suggested, i);
      g_autofree char *reference = g_strdup_printf ("%s %s",
                                                    json_object_get_string_member (clause, "standard"),
                                                    json_object_get_string_member (clause, "clause"));

      g_assert_cmpstr (json_object_get_string_member (clause, "reference"), ==, reference);
      g_assert_nonnull (json_object_get_string_member (clause, "title"));
      if (g_str_equal (reference, "ETSI EN 303 645 5.1"))
        suggests_5_1 = TRUE;
    }
  g_assert_true (suggests_5_1);

  set = run (f, "assess", "set", id, "AnnexI.PartI.2.b", "--applicable", "yes",
             "--status", "implemented", "--measures", "Unique password per device.",
             "--standard", "ETSI EN 303 645 5.1", "--standard", "IEC 62443-4-2:2019 FR2",
             "--threat", "T1", "--threat", "2", NULL);
  assert_ok (set);
  g_assert_cmpstr (set->out, ==, "");

  recorded = run_json (f, "assess", "show", id, NULL);
  b = find_requirement (recorded, "AnnexI.PartI.2.b");
  g_assert_true (json_object_get_boolean_member (b, "assessed"));
  g_assert_true (json_object_get_boolean_member (b, "applicable"));
  g_assert_cmpstr (json_object_get_string_member (b, "status"), ==, "implemented");
  g_assert_cmpstr (json_object_get_string_member (b, "measures"), ==, "Unique password per device.");
  g_assert_true (json_object_get_null_member (b, "justification"));
  g_assert_nonnull (json_object_get_string_member (b, "updated_at"));
  standards = requirement_strings (recorded, "AnnexI.PartI.2.b", "standards");
  g_assert_cmpstr (standards, ==, "ETSI EN 303 645 5.1|IEC 62443-4-2:2019 FR2");
  threats = requirement_strings (recorded, "AnnexI.PartI.2.b", "threats");
  g_assert_cmpstr (threats, ==, "T1|T2");

  /* Options not given keep what was recorded. */
  status_only = run (f, "assess", "set", id, "AnnexI.PartI.2.b", "--status", "verified", NULL);
  assert_ok (status_only);
  kept = run_json (f, "assess", "show", id, NULL);
  b = find_requirement (kept, "AnnexI.PartI.2.b");
  g_assert_cmpstr (json_object_get_string_member (b, "status"), ==, "verified");
  g_assert_true (json_object_get_boolean_member (b, "applicable"));
  g_assert_cmpstr (json_object_get_string_member (b, "measures"), ==, "Unique password per device.");
  g_clear_pointer (&standards, g_free);
  standards = requirement_strings (kept, "AnnexI.PartI.2.b", "standards");
  g_assert_cmpstr (standards, ==, "ETSI EN 303 645 5.1|IEC 62443-4-2:2019 FR2");
  g_clear_pointer (&threats, g_free);
  threats = requirement_strings (kept, "AnnexI.PartI.2.b", "threats");
  g_assert_cmpstr (threats, ==, "T1|T2");

  /* --standard and --threat replace their lists; --no-… clear them. */
  replace = run (f, "assess", "set", id, "AnnexI.PartI.2.b", "--standard", "EN 18031-1:2024",
                 "--threat", "t2", NULL);
  assert_ok (replace);
  replaced = run_json (f, "assess", "show", id, NULL);
  g_clear_pointer (&standards, g_free);
  standards = requirement_strings (replaced, "AnnexI.PartI.2.b", "standards");
  g_assert_cmpstr (standards, ==, "EN 18031-1:2024");
  g_clear_pointer (&threats, g_free);
  threats = requirement_strings (replaced, "AnnexI.PartI.2.b", "threats");
  g_assert_cmpstr (threats, ==, "T2");

  clear = run (f, "assess", "set", id, "AnnexI.PartI.2.b", "--no-standards", "--no-threats", NULL);
  assert_ok (clear);
  cleared = run_json (f, "assess", "show", id, NULL);
  b = find_requirement (cleared, "AnnexI.PartI.2.b");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (b, "standards")), ==, 0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (b, "threats")), ==, 0);
  g_assert_cmpstr (json_object_get_string_member (b, "status"), ==, "verified");

  not_applicable = run (f, "assess", "set", id, "AnnexI.PartI.2.l", "--applicable", "NO",
                        "--justification", "The thermostat keeps no logs; the hub does.", NULL);
  assert_ok (not_applicable);

  context = run (f, "assess", "context", id, "--intended-purpose", "Controls a home’s heating.",
                 "--assumptions", "Installed by a professional.", NULL);
  assert_ok (context);
  g_assert_cmpstr (context->out, ==, "");
  g_clear_pointer (&cleared, json_node_unref);
  cleared = run_json (f, "assess", "show", id, NULL);
  shown_context = json_object_get_object_member (json_node_get_object (cleared), "context");
  g_assert_cmpstr (json_object_get_string_member (shown_context, "intended_purpose"), ==,
                   "Controls a home’s heating.");
  g_assert_cmpstr (json_object_get_string_member (shown_context, "assumptions"), ==,
                   "Installed by a professional.");
  g_assert_true (json_object_get_null_member (shown_context, "foreseeable_use"));
  g_assert_true (json_object_get_null_member (shown_context, "operational_environment"));

  /* The table: one row per requirement, the justification under its label,
   * nothing wider than a terminal. */
  text = run (f, "assess", "show", id, NULL);
  assert_ok (text);
  g_assert_true (g_regex_match_simple ("^I \\(2\\)\\(b\\) +verified +Secure by default",
                                       text->out, G_REGEX_MULTILINE, 0));
  g_assert_true (g_regex_match_simple ("^I \\(2\\)\\(l\\) +does not apply +Security logging",
                                       text->out, G_REGEX_MULTILINE, 0));
  g_assert_true (g_regex_match_simple ("^II \\(8\\) +not assessed +Security updates",
                                       text->out, G_REGEX_MULTILINE, 0));
  g_assert_nonnull (strstr (text->out, "Justification: The thermostat keeps no logs"));
  lines = g_strsplit (text->out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (g_utf8_strlen (lines[i], -1) > 80)
      g_error ("assess show prints a line wider than 80 columns: %s", lines[i]);
}

static void
test_assess_refused (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *id = add_product (f);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(Result) part_2 = NULL;
  g_autoptr(Result) part_1_1 = NULL;
  g_autoptr(Result) no_justification = NULL;
  g_autoptr(Result) unknown = NULL;
  g_autoptr(Result) bad_status = NULL;
  g_autoptr(Result) bad_applicable = NULL;
  g_autoptr(Result) first_time = NULL;
  g_autoptr(Result) unknown_threat = NULL;
  g_autoptr(Result) malformed_threat = NULL;
  g_autoptr(Result) both_standards = NULL;
  g_autoptr(Result) justified = NULL;
  g_autoptr(Result) kept_justification = NULL;
  g_autoptr(Result) help = NULL;

  justified = run (f, "assess", "set", id, "AnnexI.PartII.1", "--applicable", "yes",
                   "--status", "in-progress", NULL);
  assert_ok (justified);
  before = assessment_snapshot (f, id);

  /* Part II binds every manufacturer (Article 13(8)). */
  part_2 = run (f, "assess", "set", id, "AnnexI.PartII.1", "--applicable", "no",
                "--justification", "We have no vulnerabilities.", NULL);
  assert_refused (part_2, 1, "Part II");
  part_1_1 = run (f, "assess", "set", id, "AnnexI.PartI.1", "--applicable", "no",
                  "--justification", "Not needed.", NULL);
  assert_refused (part_1_1, 1, "AnnexI.PartI.1");

  /* Article 13(4): no justification, no “does not apply”. */
  no_justification = run (f, "assess", "set", id, "AnnexI.PartI.2.l", "--applicable", "no", NULL);
  assert_refused (no_justification, 1, "justification");

  unknown = run (f, "assess", "set", id, "AnnexI.PartI.2.z", "--applicable", "yes", NULL);
  assert_refused (unknown, 1, "AnnexI.PartI.2.z");

  bad_status = run (f, "assess", "set", id, "AnnexI.PartII.1", "--status", "done", NULL);
  assert_refused (bad_status, 2, "not-started, in-progress, implemented, verified");
  bad_applicable = run (f, "assess", "set", id, "AnnexI.PartI.2.a", "--applicable", "maybe", NULL);
  assert_refused (bad_applicable, 2, "yes or no");

  /* The first time, whether it applies must be said. */
  first_time = run (f, "assess", "set", id, "AnnexI.PartI.2.a", "--status", "implemented", NULL);
  assert_refused (first_time, 2, "--applicable");

  unknown_threat = run (f, "assess", "set", id, "AnnexI.PartII.1", "--threat", "9", NULL);
  assert_refused (unknown_threat, 1, "T9");
  malformed_threat = run (f, "assess", "set", id, "AnnexI.PartII.1", "--threat", "nine", NULL);
  assert_refused (malformed_threat, 2, "nine");
  both_standards = run (f, "assess", "set", id, "AnnexI.PartII.1", "--standard", "EN 1",
                        "--no-standards", NULL);
  assert_refused (both_standards, 2, "--no-standards");

  after = assessment_snapshot (f, id);
  g_assert_cmpstr (after, ==, before);

  /* A justification recorded earlier is enough the next time. */
  g_clear_pointer (&justified, result_free);
  justified = run (f, "assess", "set", id, "AnnexI.PartI.2.l", "--applicable", "no",
                   "--justification", "No logs are kept.", NULL);
  assert_ok (justified);
  kept_justification = run (f, "assess", "set", id, "AnnexI.PartI.2.l", "--applicable", "no",
                            "--measures", "None needed.", NULL);
  assert_ok (kept_justification);

  /* --help lists every requirement with its reference and label. */
  help = run (f, "assess", "set", "--help", NULL);
  assert_ok (help);
  g_assert_true (g_regex_match_simple ("^  AnnexI\\.PartI\\.2\\.m +I \\(2\\)\\(m\\) +Secure",
                                       help->out, G_REGEX_MULTILINE, 0));
  g_assert_true (g_regex_match_simple ("^  AnnexI\\.PartII\\.8 +II \\(8\\) +Security updates",
                                       help->out, G_REGEX_MULTILINE, 0));
}

/* The risk register */

static guint
count_threats (Fixture    *f,
               const char *id)
{
  g_autoptr(JsonNode) threats = run_json (f, "threat", "list", id, NULL);

  return json_array_get_length (json_node_get_array (threats));
}

static JsonObject *
find_threat (JsonNode   *threats,
             const char *label)
{
  JsonArray *array = json_node_get_array (threats);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *threat = json_array_get_object_element (array, i);

      if (g_strcmp0 (json_object_get_string_member (threat, "label"), label) == 0)
        return threat;
    }

  return NULL;
}

static void
test_threat_add (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *id = add_product (f);
  g_autoptr(JsonNode) listed = NULL;
  g_autoptr(Result) off_scale = NULL;
  g_autoptr(Result) residual_off_scale = NULL;
  g_autoptr(Result) not_a_number = NULL;
  g_autoptr(Result) missing = NULL;
  g_autoptr(Result) unknown_stride = NULL;
  g_autoptr(Result) unknown_treatment = NULL;
  g_autoptr(Result) accept_without_reason = NULL;
  g_autoptr(Result) text = NULL;
  JsonObject *t1;
  JsonObject *t2;
  JsonObject *t3;
  JsonObject *t4;

  add_threat (f, id, "T1", "--asset", "Web interface", "--title", "Password guessing",
              "--stride", "spoofing", "--likelihood", "4", "--impact", "4",
              "--description", "Online guessing of the admin password.",
              "--mitigations", "Rate limiting", NULL);
  /* A letter, in any case. */
  add_threat (f, id, "T2", "--asset", "Firmware", "--title", "Unsigned image flashed",
              "--stride", "t", "--likelihood", "3", "--impact", "5",
              "--residual-likelihood", "1", "--residual-impact", "5",
              "--treatment", "mitigate", NULL);
  g_assert_cmpuint (count_threats (f, id), ==, 2);

  /* Off the scale: refused in the core's words, naming the field. */
  off_scale = run (f, "threat", "add", id, "--asset", "A", "--title", "B", "--stride", "S",
                   "--likelihood", "7", "--impact", "2", NULL);
  assert_refused (off_scale, 1, "Likelihood");
  residual_off_scale = run (f, "threat", "add", id, "--asset", "A", "--title", "B", "--stride", "S",
                            "--likelihood", "3", "--impact", "2", "--residual-likelihood", "0",
                            "--residual-impact", "2", NULL);
  assert_refused (residual_off_scale, 1, "Residual likelihood");
  /* Not a number: the command line is wrong. */
  not_a_number = run (f, "threat", "add", id, "--asset", "A", "--title", "B", "--stride", "S",
                      "--likelihood", "abc", "--impact", "2", NULL);
  assert_refused (not_a_number, 2, "abc");
  missing = run (f, "threat", "add", id, "--asset", "A", "--title", "B", "--stride", "S",
                 "--likelihood", "3", NULL);
  assert_refused (missing, 2, "--impact");
  unknown_stride = run (f, "threat", "add", id, "--asset", "A", "--title", "B", "--stride", "X",
                        "--likelihood", "3", "--impact", "2", NULL);
  assert_refused (unknown_stride, 2, "elevation-of-privilege");
  unknown_treatment = run (f, "threat", "add", id, "--asset", "A", "--title", "B", "--stride", "S",
                           "--likelihood", "3", "--impact", "2", "--treatment", "ignore", NULL);
  assert_refused (unknown_treatment, 2, "mitigate, accept, transfer, avoid");
  accept_without_reason = run (f, "threat", "add", id, "--asset", "A", "--title", "B",
                               "--stride", "S", "--likelihood", "3", "--impact", "2",
                               "--treatment", "accept", NULL);
  assert_refused (accept_without_reason, 1, "Reason");
  g_assert_cmpuint (count_threats (f, id), ==, 2);

  /* Accepted by whoever records it, unless --accepted-by says otherwise. */
  add_threat (f, id, "T3", "--asset", "Debug header", "--title", "Key read over JTAG",
              "--stride", "Information-Disclosure", "--likelihood", "2", "--impact", "5",
              "--treatment", "accept", "--reason", "Needs the case opened.", NULL);
  add_threat (f, id, "T4", "--asset", "Cloud account", "--title", "Account takeover",
              "--stride", "E", "--likelihood", "2", "--impact", "5",
              "--treatment", "accept", "--reason", "Covered by the cloud provider.",
              "--accepted-by", "Jan Kowalski", NULL);

  listed = run_json (f, "threat", "list", id, NULL);
  t1 = find_threat (listed, "T1");
  g_assert_cmpint (json_object_get_int_member (t1, "number"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (t1, "asset"), ==, "Web interface");
  g_assert_cmpstr (json_object_get_string_member (t1, "stride"), ==, "spoofing");
  g_assert_cmpstr (json_object_get_string_member (t1, "likelihood_label"), ==, "Likely");
  g_assert_cmpint (json_object_get_int_member (t1, "inherent_score"), ==, 16);
  g_assert_cmpstr (json_object_get_string_member (t1, "inherent_band"), ==, "critical");
  g_assert_true (json_object_get_null_member (t1, "residual_likelihood"));
  g_assert_true (json_object_get_null_member (t1, "residual_impact"));
  /* Nothing shown to reduce it: the residual risk is the inherent one. */
  g_assert_cmpint (json_object_get_int_member (t1, "residual_score"), ==, 16);
  g_assert_cmpstr (json_object_get_string_member (t1, "residual_band"), ==, "critical");
  g_assert_true (json_object_get_null_member (t1, "treatment"));
  g_assert_cmpstr (json_object_get_string_member (t1, "mitigations"), ==, "Rate limiting");

  t2 = find_threat (listed, "T2");
  g_assert_cmpstr (json_object_get_string_member (t2, "stride"), ==, "tampering");
  g_assert_cmpint (json_object_get_int_member (t2, "residual_likelihood"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (t2, "residual_score"), ==, 5);
  g_assert_cmpstr (json_object_get_string_member (t2, "residual_band"), ==, "medium");
  g_assert_cmpstr (json_object_get_string_member (t2, "inherent_band"), ==, "high");
  g_assert_cmpstr (json_object_get_string_member (t2, "treatment"), ==, "mitigate");

  t3 = find_threat (listed, "T3");
  g_assert_cmpstr (json_object_get_string_member (t3, "stride"), ==, "information-disclosure");
  g_assert_cmpstr (json_object_get_string_member (t3, "treatment"), ==, "accept");
  g_assert_cmpstr (json_object_get_string_member (t3, "reason"), ==, "Needs the case opened.");
  g_assert_cmpstr (json_object_get_string_member (t3, "accepted_by"), ==, ACTOR);
  g_assert_nonnull (json_object_get_string_member (t3, "accepted_at"));
  t4 = find_threat (listed, "T4");
  g_assert_cmpstr (json_object_get_string_member (t4, "accepted_by"), ==, "Jan Kowalski");

  text = run (f, "threat", "list", id, NULL);
  assert_ok (text);
  g_assert_true (g_regex_match_simple ("^T1 +Critical 16 +4×4 +S +— +Password guessing$",
                                       text->out, G_REGEX_MULTILINE, 0));
  g_assert_true (g_regex_match_simple ("^T2 +Medium 5 +3×5 → 1×5 +T +mitigate +Unsigned",
                                       text->out, G_REGEX_MULTILINE, 0));
}

static void
test_threat_set_remove (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *id = add_product (f);
  g_autoptr(JsonNode) mitigated = NULL;
  g_autoptr(JsonNode) accepted = NULL;
  g_autoptr(JsonNode) untreated = NULL;
  g_autoptr(JsonNode) after_remove = NULL;
  g_autoptr(JsonNode) shown = NULL;
  g_autoptr(Result) residual = NULL;
  g_autoptr(Result) half_residual = NULL;
  g_autoptr(Result) accept = NULL;
  g_autoptr(Result) no_treatment = NULL;
  g_autoptr(Result) nothing = NULL;
  g_autoptr(Result) unknown = NULL;
  g_autoptr(Result) malformed = NULL;
  g_autoptr(Result) off_scale = NULL;
  g_autoptr(Result) linked = NULL;
  g_autoptr(Result) removed = NULL;
  g_autoptr(Result) removed_again = NULL;
  g_autofree char *threats = NULL;
  JsonObject *threat;

  add_threat (f, id, "T1", "--asset", "Web interface", "--title", "Password guessing",
              "--stride", "S", "--likelihood", "4", "--impact", "4", NULL);
  add_threat (f, id, "T2", "--asset", "Firmware", "--title", "Unsigned image flashed",
              "--stride", "T", "--likelihood", "3", "--impact", "5", NULL);
  add_threat (f, id, "T3", "--asset", "Logs", "--title", "Logs fill the flash",
              "--stride", "D", "--likelihood", "2", "--impact", "2", NULL);

  /* A residual risk needs both halves. */
  half_residual = run (f, "threat", "set", id, "T1", "--residual-likelihood", "2", NULL);
  assert_refused (half_residual, 1, "Residual");

  residual = run (f, "threat", "set", id, "1", "--residual-likelihood", "2",
                  "--residual-impact", "3", "--mitigations", "Rate limiting",
                  "--treatment", "mitigate", "--reason", "Lockout after five attempts.", NULL);
  assert_ok (residual);
  g_assert_cmpstr (residual->out, ==, "");
  mitigated = run_json (f, "threat", "list", id, NULL);
  threat = find_threat (mitigated, "T1");
  g_assert_cmpint (json_object_get_int_member (threat, "likelihood"), ==, 4);
  g_assert_cmpint (json_object_get_int_member (threat, "residual_score"), ==, 6);
  g_assert_cmpstr (json_object_get_string_member (threat, "residual_band"), ==, "medium");
  g_assert_cmpstr (json_object_get_string_member (threat, "title"), ==, "Password guessing");
  g_assert_cmpstr (json_object_get_string_member (threat, "treatment"), ==, "mitigate");

  off_scale = run (f, "threat", "set", id, "T1", "--impact", "6", NULL);
  assert_refused (off_scale, 1, "Impact");

  accept = run (f, "threat", "set", id, "T2", "--treatment", "accept",
                "--reason", "Images are checked by the bootloader.", NULL);
  assert_ok (accept);
  accepted = run_json (f, "threat", "list", id, NULL);
  threat = find_threat (accepted, "T2");
  g_assert_cmpstr (json_object_get_string_member (threat, "accepted_by"), ==, ACTOR);

  /* --treatment none and --no-residual clear. */
  no_treatment = run (f, "threat", "set", id, "T1", "--treatment", "none", "--no-residual", NULL);
  assert_ok (no_treatment);
  untreated = run_json (f, "threat", "list", id, NULL);
  threat = find_threat (untreated, "T1");
  g_assert_true (json_object_get_null_member (threat, "treatment"));
  g_assert_true (json_object_get_null_member (threat, "reason"));
  g_assert_true (json_object_get_null_member (threat, "residual_likelihood"));
  g_assert_cmpint (json_object_get_int_member (threat, "residual_score"), ==, 16);
  g_assert_cmpstr (json_object_get_string_member (threat, "mitigations"), ==, "Rate limiting");

  nothing = run (f, "threat", "set", id, "T1", NULL);
  assert_refused (nothing, 2, NULL);
  unknown = run (f, "threat", "set", id, "T9", "--title", "X", NULL);
  assert_refused (unknown, 1, "T9");
  malformed = run (f, "threat", "set", id, "X9", "--title", "X", NULL);
  assert_refused (malformed, 2, "X9");

  /* Removing a threat takes it off the requirements that address it, and
   * its number is never given again. */
  linked = run (f, "assess", "set", id, "AnnexI.PartI.2.d", "--applicable", "yes",
                "--threat", "T1", "--threat", "T2", NULL);
  assert_ok (linked);
  removed = run (f, "threat", "remove", id, "T2", NULL);
  assert_ok (removed);
  g_assert_cmpstr (removed->out, ==, "");
  removed_again = run (f, "threat", "remove", id, "T2", NULL);
  assert_refused (removed_again, 1, "T2");

  after_remove = run_json (f, "threat", "list", id, NULL);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (after_remove)), ==, 2);
  g_assert_nonnull (find_threat (after_remove, "T1"));
  g_assert_null (find_threat (after_remove, "T2"));
  g_assert_nonnull (find_threat (after_remove, "T3"));
  shown = run_json (f, "assess", "show", id, NULL);
  threats = requirement_strings (shown, "AnnexI.PartI.2.d", "threats");
  g_assert_cmpstr (threats, ==, "T1");

  add_threat (f, id, "T4", "--asset", "Firmware", "--title", "Rollback to an old image",
              "--stride", "T", "--likelihood", "2", "--impact", "4", NULL);
}

/* Readiness */

static gboolean
readiness_has (JsonNode   *readiness,
               const char *what,
               const char *item)
{
  JsonArray *missing = member_array (readiness, "missing");

  for (guint i = 0; i < json_array_get_length (missing); i++)
    {
      JsonObject *entry = json_array_get_object_element (missing, i);

      g_assert_nonnull (json_object_get_string_member (entry, "message"));
      if (g_strcmp0 (json_object_get_string_member (entry, "what"), what) == 0 &&
          g_strcmp0 (json_object_get_string_member (entry, "item"), item) == 0)
        return TRUE;
    }

  return FALSE;
}

/* `readiness ID --json`, which must exit with @status. */
static JsonNode *
run_readiness (Fixture    *f,
               const char *id,
               int         status)
{
  g_autoptr(Result) result = run (f, "readiness", id, "--json", NULL);

  g_assert_cmpint (result->status, ==, status);
  g_assert_cmpstr (result->err, ==, "");

  return parse_json (result->out);
}

static void
test_readiness (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *id = NULL;
  g_autoptr(JsonNode) fresh = NULL;
  g_autoptr(JsonNode) shown = NULL;
  g_autoptr(JsonNode) unsupported = NULL;
  g_autoptr(JsonNode) unaccepted = NULL;
  g_autoptr(JsonNode) ready = NULL;
  g_autoptr(JsonNode) declaration = NULL;
  g_autoptr(JsonNode) expired = NULL;
  g_autoptr(GPtrArray) evidence_args = NULL;
  g_autoptr(Result) attach = NULL;
  g_autoptr(Result) expired_removed = NULL;
  g_autoptr(Result) lapsed = NULL;
  g_autoptr(Result) renewed = NULL;
  g_autofree char *report = NULL;
  g_autofree char *expired_id = NULL;
  g_autoptr(Result) fresh_text = NULL;
  g_autoptr(Result) context = NULL;
  g_autoptr(Result) accept = NULL;
  g_autoptr(Result) ready_text = NULL;
  g_autoptr(Result) no_product = NULL;
  g_autofree char *count_line = NULL;
  g_auto(GStrv) fresh_lines = NULL;
  JsonArray *requirements;
  guint n_missing;

  add_manufacturer (f);
  id = add_product (f);
  complete_declaration (f, id);

  /* A fresh product: nothing is decided yet. */
  fresh = run_readiness (f, id, 3);
  g_assert_cmpint (member_int (fresh, "product_id"), ==, g_ascii_strtoll (id, NULL, 10));
  g_assert_false (member_bool (fresh, "ready"));
  g_assert_true (readiness_has (fresh, "scope-not-decided", "scope"));
  g_assert_true (readiness_has (fresh, "category-not-decided", "classification"));
  g_assert_true (readiness_has (fresh, "context-missing", "intended-purpose"));
  g_assert_true (readiness_has (fresh, "context-missing", "operational-environment"));
  g_assert_false (readiness_has (fresh, "context-missing", "assumptions"));
  g_assert_true (readiness_has (fresh, "requirement-not-assessed", "AnnexI.PartI.1"));
  g_assert_true (readiness_has (fresh, "requirement-not-assessed", "AnnexI.PartII.8"));
  g_assert_true (readiness_has (fresh, "risk-register-empty", "risk-register"));
  n_missing = json_array_get_length (member_array (fresh, "missing"));

  /* The count, then one line per message; exit status 3 as well. */
  fresh_text = run (f, "readiness", id, NULL);
  g_assert_cmpint (fresh_text->status, ==, 3);
  count_line = g_strdup_printf ("%u items missing before a declaration of conformity\n", n_missing);
  g_assert_true (g_str_has_prefix (fresh_text->out, count_line));
  /* The count line, the messages, and the empty string after the last newline. */
  fresh_lines = g_strsplit (fresh_text->out, "\n", -1);
  g_assert_cmpuint (g_strv_length (fresh_lines), ==, n_missing + 2);
  for (guint i = 1; i <= n_missing; i++)
    g_assert_true (g_str_has_prefix (fresh_lines[i], "  • "));

  /* Everything through the command line. */
  answer_in_scope (f, id);
  classify (f, id, "--default", NULL);
  context = run (f, "assess", "context", id,
                 "--intended-purpose", "Controls a home’s heating.",
                 "--foreseeable-use", "Left with its default settings.",
                 "--operational-environment", "Home WiFi behind a NAT router.", NULL);
  assert_ok (context);

  shown = run_json (f, "assess", "show", id, NULL);
  requirements = member_array (shown, "requirements");
  for (guint i = 0; i < json_array_get_length (requirements); i++)
    {
      const char *requirement = json_object_get_string_member (
        json_array_get_object_element (requirements, i), "id");
      g_autoptr(Result) set = NULL;

      if (g_str_equal (requirement, "AnnexI.PartI.2.l"))
        set = run (f, "assess", "set", id, requirement, "--applicable", "no",
                   "--justification", "The thermostat keeps no logs; the hub does.", NULL);
      else
        set = run (f, "assess", "set", id, requirement, "--applicable", "yes",
                   "--status", i % 2 ? "implemented" : "verified", NULL);
      assert_ok (set);
    }

  /* A critical risk that remains must be accepted, and every requirement
   * that applies needs evidence. */
  add_threat (f, id, "T1", "--asset", "Web interface", "--title", "Password guessing",
              "--stride", "S", "--likelihood", "4", "--impact", "4", NULL);
  unsupported = run_readiness (f, id, 3);
  g_assert_true (readiness_has (unsupported, "evidence-missing", "AnnexI.PartII.1"));
  g_assert_true (readiness_has (unsupported, "evidence-missing", "AnnexI.PartI.1"));
  g_assert_false (readiness_has (unsupported, "evidence-missing", "AnnexI.PartI.2.l"));
  g_assert_true (readiness_has (unsupported, "risk-not-accepted", "T1"));

  report = write_file (f, "security-test-report.txt", "All tests passed.\n", -1);
  evidence_args = g_ptr_array_new ();
  g_ptr_array_add (evidence_args, (char *) "evidence");
  g_ptr_array_add (evidence_args, (char *) "add");
  g_ptr_array_add (evidence_args, id);
  g_ptr_array_add (evidence_args, report);
  for (guint i = 0; i < json_array_get_length (requirements); i++)
    {
      g_ptr_array_add (evidence_args, (char *) "--requirement");
      g_ptr_array_add (evidence_args, (char *) json_object_get_string_member (
                         json_array_get_object_element (requirements, i), "id"));
    }
  g_ptr_array_add (evidence_args, NULL);
  attach = run_argv (f, (const char * const *) evidence_args->pdata);
  assert_ok (attach);
  g_assert_cmpstr (attach->out, ==, "1\n");

  unaccepted = run_readiness (f, id, 3);
  g_assert_cmpuint (json_array_get_length (member_array (unaccepted, "missing")), ==, 1);
  g_assert_true (readiness_has (unaccepted, "risk-not-accepted", "T1"));

  accept = run (f, "threat", "set", id, "T1", "--treatment", "accept",
                "--reason", "Only reachable from the home network.", NULL);
  assert_ok (accept);
  ready = run_readiness (f, id, 0);
  g_assert_true (member_bool (ready, "ready"));
  g_assert_cmpuint (json_array_get_length (member_array (ready, "missing")), ==, 0);

  ready_text = run (f, "readiness", id, NULL);
  assert_ok (ready_text);
  g_assert_cmpstr (ready_text->out, ==, "Ready for a declaration of conformity\n");

  declaration = run_json (f, "declaration", "show", id, NULL);
  g_assert_true (member_bool (declaration, "ready"));

  /* Evidence whose validity has passed is listed by its id… */
  expired_id = run_id (f, "evidence", "add", id, report, "--valid-until", "2020-01-31",
                       "--requirement", "AnnexI.PartII.1", NULL);
  expired = run_readiness (f, id, 3);
  g_assert_cmpuint (json_array_get_length (member_array (expired, "missing")), ==, 1);
  g_assert_true (readiness_has (expired, "evidence-expired", expired_id));
  expired_removed = run (f, "evidence", "remove", expired_id, NULL);
  assert_ok (expired_removed);
  g_clear_pointer (&ready, json_node_unref);
  ready = run_readiness (f, id, 0);

  /* …and supports nothing: the requirements it stood for lack evidence. */
  lapsed = run (f, "evidence", "set", "1", "--valid-until", "2020-01-31", NULL);
  assert_ok (lapsed);
  g_clear_pointer (&expired, json_node_unref);
  expired = run_readiness (f, id, 3);
  g_assert_true (readiness_has (expired, "evidence-expired", "1"));
  g_assert_true (readiness_has (expired, "evidence-missing", "AnnexI.PartII.1"));
  renewed = run (f, "evidence", "set", "1", "--no-expiry", NULL);
  assert_ok (renewed);
  g_clear_pointer (&ready, json_node_unref);
  ready = run_readiness (f, id, 0);

  no_product = run (f, "readiness", "99", NULL);
  assert_refused (no_product, 1, "99");
}

/* Evidence */

static void
assert_same_file (const char *expected,
                  const char *actual)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  gsize a_len, b_len;

  g_file_get_contents (expected, &a, &a_len, &error);
  g_assert_no_error (error);
  g_file_get_contents (actual, &b, &b_len, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (a, a_len, b, b_len);
}

/* `evidence list ID --json`: the items, oldest first. */
static JsonArray *
list_evidence (Fixture    *f,
               const char *id,
               JsonNode  **holder)
{
  *holder = run_json (f, "evidence", "list", id, NULL);
  return json_node_get_array (*holder);
}

static guint
count_evidence (Fixture    *f,
                const char *id)
{
  g_autoptr(JsonNode) holder = NULL;

  return json_array_get_length (list_evidence (f, id, &holder));
}

static JsonNode *
show_evidence (Fixture    *f,
               const char *evidence_id)
{
  return run_json (f, "evidence", "show", evidence_id, NULL);
}

/* "a b c": the strings of a JSON array. */
static char *
join_array (JsonArray *array)
{
  g_autoptr(GString) joined = g_string_new (NULL);

  for (guint i = 0; i < json_array_get_length (array); i++)
    g_string_append_printf (joined, "%s%s", i > 0 ? " " : "",
                            json_array_get_string_element (array, i));

  return g_string_free (g_steal_pointer (&joined), FALSE);
}

static guint
count_files (Fixture *f)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  guint n = 0;

  while (g_dir_read_name (dir) != NULL)
    n++;

  return n;
}

/* Bytes that are not text, every value included. */
static char *
make_binary (gsize   size,
             guint32 seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  char *data = g_malloc (size);

  for (gsize i = 0; i < size; i += 4)
    {
      guint32 word = g_rand_int (rand);

      memcpy (data + i, &word, MIN (4, size - i));
    }

  return data;
}

/* Changes the first byte of stored content, as damage or tampering would,
 * straight in SQLite: the one BLOB that holds exactly @content, whatever
 * the table, once the triggers that protect it are gone. */
static void
corrupt_stored (Fixture    *f,
                const char *content,
                gsize       length)
{
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *damaged = g_memdup2 (content, length);
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db = NULL;
  int changed = 0;

  g_assert_cmpuint (length, >, 0);
  damaged[0] ^= 0x5a;

  g_assert_cmpint (sqlite3_open (f->db, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_master WHERE type = 'table' "
                                           "AND name LIKE 'evidence%'", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (tables, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);

  for (guint t = 0; t < tables->len; t++)
    {
      const char *table = g_ptr_array_index (tables, t);
      g_autoptr(GPtrArray) columns = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GPtrArray) triggers = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *info = g_strdup_printf ("PRAGMA table_info (\"%s\")", table);

      g_assert_cmpint (sqlite3_prepare_v2 (db, info, -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        if (g_ascii_strcasecmp ((const char *) sqlite3_column_text (stmt, 2), "BLOB") == 0)
          g_ptr_array_add (columns, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
      sqlite3_finalize (stmt);
      if (columns->len == 0)
        continue;

      g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_master WHERE "
                                               "type = 'trigger' AND tbl_name = ?", -1, &stmt,
                                           NULL), ==, SQLITE_OK);
      sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_ptr_array_add (triggers, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
      sqlite3_finalize (stmt);
      for (guint i = 0; i < triggers->len; i++)
        {
          g_autofree char *drop = g_strdup_printf ("DROP TRIGGER \"%s\"",
                                                   (char *) g_ptr_array_index (triggers, i));

          g_assert_cmpint (sqlite3_exec (db, drop, NULL, NULL, NULL), ==, SQLITE_OK);
        }

      for (guint c = 0; c < columns->len; c++)
        {
          const char *column = g_ptr_array_index (columns, c);
          g_autofree char *update = g_strdup_printf ("UPDATE \"%s\" SET \"%s\" = ?1 "
                                                     "WHERE \"%s\" = ?2", table, column, column);

          g_assert_cmpint (sqlite3_prepare_v2 (db, update, -1, &stmt, NULL), ==, SQLITE_OK);
          sqlite3_bind_blob (stmt, 1, damaged, (int) length, SQLITE_STATIC);
          sqlite3_bind_blob (stmt, 2, content, (int) length, SQLITE_STATIC);
          g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
          changed += sqlite3_changes (db);
          sqlite3_finalize (stmt);
        }
    }

  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
  /* Exactly one copy of the content was found and damaged. */
  g_assert_cmpint (changed, ==, 1);
}

static void
test_evidence_no_database (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *out = fixture_file (f, "out.bin");
  g_autoptr(Result) verify_all = run (f, "evidence", "verify", "all", NULL);
  g_autoptr(Result) verify = run (f, "evidence", "verify", "1", NULL);
  g_autoptr(Result) list = run (f, "evidence", "list", "1", NULL);
  g_autoptr(Result) show = run (f, "evidence", "show", "1", NULL);
  g_autoptr(Result) versions = run (f, "evidence", "versions", "1", NULL);
  g_autoptr(Result) get = run (f, "evidence", "get", "1", "--out", out, NULL);
  g_autoptr(Result) set = run (f, "evidence", "set", "1", "--title", "X", NULL);
  g_autoptr(Result) remove = run (f, "evidence", "remove", "1", NULL);
  g_autoptr(Result) add = run (f, "evidence", "add", "1", f->db, NULL);

  /* Nothing stored, nothing altered. */
  assert_ok (verify_all);
  g_assert_cmpstr (verify_all->out, ==, "0 versions checked, all match\n");
  assert_refused (verify, 1, "product with id 1");
  assert_refused (list, 1, "product with id 1");
  assert_refused (show, 1, "evidence with id 1");
  assert_refused (versions, 1, "evidence with id 1");
  assert_refused (get, 1, "evidence with id 1");
  assert_refused (set, 1, "evidence with id 1");
  assert_refused (remove, 1, "evidence with id 1");
  assert_refused (add, 1, "product with id 1");

  g_assert_false (g_file_test (f->db, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
}

static void
test_evidence_round_trip (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *id = add_product (f);
  g_autofree char *content = make_binary (1000, 1);
  g_autofree char *file = write_file (f, "pentest-2027.bin", content, 1000);
  g_autofree char *empty = write_file (f, "empty.txt", "", 0);
  g_autofree char *copy = fixture_file (f, "copy.bin");
  g_autofree char *empty_copy = fixture_file (f, "empty-copy.txt");
  g_autofree char *sha256 = file_sha256 (file, NULL);
  g_autofree char *short_sha256 = g_strndup (sha256, 12);
  g_autofree char *evidence_id = NULL;
  g_autofree char *empty_id = NULL;
  g_autofree char *requirements = NULL;
  g_autofree char *threats = NULL;
  g_autoptr(JsonNode) before = NULL;
  g_autoptr(JsonNode) listed = NULL;
  g_autoptr(JsonNode) shown = NULL;
  g_autoptr(JsonNode) versions = NULL;
  g_autoptr(Result) before_text = NULL;
  g_autoptr(Result) text = NULL;
  g_autoptr(Result) show_text = NULL;
  g_autoptr(Result) get = NULL;
  g_autoptr(Result) get_empty = NULL;
  JsonArray *items;
  JsonNode *item;
  JsonNode *empty_item;

  add_threat (f, id, "T1", "--asset", "Web interface", "--title", "Password guessing",
              "--stride", "S", "--likelihood", "2", "--impact", "2", NULL);

  g_assert_cmpuint (json_array_get_length (list_evidence (f, id, &before)), ==, 0);
  before_text = run (f, "evidence", "list", id, NULL);
  assert_ok (before_text);
  g_assert_nonnull (strstr (before_text->out, "evidence add"));

  evidence_id = run_id (f, "evidence", "add", id, file,
                        "--requirement", "AnnexI.PartII.1", "--requirement", " AnnexI.PartI.2.a ",
                        "--threat", "T1", "--kind", "Penetration-Test",
                        "--title", "Penetration test, March 2027", "--valid-until", "2099-12-31",
                        NULL);
  empty_id = run_id (f, "evidence", "add", id, empty, NULL);
  g_assert_cmpstr (evidence_id, !=, empty_id);

  items = list_evidence (f, id, &listed);
  g_assert_cmpuint (json_array_get_length (items), ==, 2);
  item = json_array_get_element (items, 0);
  g_assert_cmpint (member_int (item, "id"), ==, g_ascii_strtoll (evidence_id, NULL, 10));
  g_assert_cmpstr (member_string (item, "title"), ==, "Penetration test, March 2027");
  g_assert_cmpstr (member_string (item, "kind"), ==, "penetration-test");
  g_assert_cmpstr (member_string (item, "kind_label"), ==, "Penetration test");
  g_assert_cmpstr (member_string (item, "file_name"), ==, "pentest-2027.bin");
  g_assert_nonnull (member_string (item, "media_type"));
  g_assert_cmpint (member_int (item, "size"), ==, 1000);
  g_assert_cmpstr (member_string (item, "sha256"), ==, sha256);
  g_assert_cmpint (member_int (item, "version"), ==, 1);
  g_assert_nonnull (member_string (item, "added_at"));
  g_assert_cmpstr (member_string (item, "added_by"), ==, ACTOR);
  g_assert_cmpstr (member_string (item, "valid_until"), ==, "2099-12-31");
  g_assert_false (member_bool (item, "expired"));
  requirements = join_array (member_array (item, "requirements"));
  g_assert_cmpstr (requirements, ==, "AnnexI.PartI.2.a AnnexI.PartII.1");
  threats = join_array (member_array (item, "threats"));
  g_assert_cmpstr (threats, ==, "T1");

  /* Without --title and --kind: the file's name and a guess. */
  empty_item = json_array_get_element (items, 1);
  g_assert_cmpstr (member_string (empty_item, "title"), ==, "empty.txt");
  g_assert_cmpstr (member_string (empty_item, "kind"), ==, "other");
  g_assert_cmpint (member_int (empty_item, "size"), ==, 0);
  g_assert_cmpstr (member_string (empty_item, "sha256"), ==,
                   "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  g_assert_true (member_is_null (empty_item, "valid_until"));
  g_assert_cmpuint (json_array_get_length (member_array (empty_item, "requirements")), ==, 0);
  g_assert_cmpuint (json_array_get_length (member_array (empty_item, "threats")), ==, 0);

  /* The content comes back byte for byte. */
  get = run (f, "evidence", "get", evidence_id, "--out", copy, NULL);
  assert_ok (get);
  g_assert_cmpstr (get->out, ==, "");
  assert_same_file (file, copy);
  get_empty = run (f, "evidence", "get", empty_id, "--out", empty_copy, NULL);
  assert_ok (get_empty);
  assert_same_file (empty, empty_copy);

  text = run (f, "evidence", "list", id, NULL);
  assert_ok (text);
  g_assert_true (g_str_has_prefix (text->out, "ID "));
  g_assert_nonnull (strstr (text->out, short_sha256));
  g_assert_null (strstr (text->out, sha256));
  g_assert_nonnull (strstr (text->out, "penetration-test"));
  g_assert_nonnull (strstr (text->out, "Penetration test, March 2027"));
  g_assert_nonnull (strstr (text->out, "1000 bytes"));

  shown = show_evidence (f, evidence_id);
  g_assert_cmpstr (member_string (shown, "sha256"), ==, sha256);
  show_text = run (f, "evidence", "show", evidence_id, NULL);
  assert_ok (show_text);
  g_assert_nonnull (strstr (show_text->out, sha256));
  g_assert_nonnull (strstr (show_text->out, "AnnexI.PartI.2.a, AnnexI.PartII.1"));
  g_assert_nonnull (strstr (show_text->out, "T1"));

  versions = run_json (f, "evidence", "versions", evidence_id, NULL);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (versions)), ==, 1);
  g_assert_cmpstr (member_string (json_array_get_element (json_node_get_array (versions), 0),
                                  "sha256"), ==, sha256);
}

/* A file of several MiB, a second version, and the size limit. */
static void
test_evidence_versions (Fixture       *f,
                        gconstpointer  data)
{
  const gsize size = 3 * 1024 * 1024;
  g_autofree char *id = add_product (f);
  g_autofree char *other = add_product (f);
  g_autofree char *content = make_binary (size, 2);
  g_autofree char *second = make_binary (size + 7, 3);
  g_autofree char *file = write_file (f, "sbom.cdx.json", content, size);
  g_autofree char *file_v2 = write_file (f, "sbom-v2.cdx.json", second, size + 7);
  g_autofree char *first_copy = fixture_file (f, "v1.json");
  g_autofree char *latest_copy = fixture_file (f, "latest.json");
  g_autofree char *no_copy = fixture_file (f, "v3.json");
  g_autofree char *sha256 = file_sha256 (file, NULL);
  g_autofree char *sha256_v2 = file_sha256 (file_v2, NULL);
  g_autofree char *evidence_id = NULL;
  g_autoptr(JsonNode) listed = NULL;
  g_autoptr(JsonNode) versions = NULL;
  g_autoptr(Result) add = NULL;
  g_autoptr(Result) add_v2 = NULL;
  g_autoptr(Result) get_first = NULL;
  g_autoptr(Result) get_latest = NULL;
  g_autoptr(Result) get_missing = NULL;
  g_autoptr(Result) too_large = NULL;
  g_autoptr(Result) too_large_v2 = NULL;
  g_autoptr(Result) exactly = NULL;
  g_autoptr(Result) bad_size = NULL;
  g_autoptr(Result) with_kind = NULL;
  g_autoptr(Result) wrong_product = NULL;
  g_autoptr(Result) bad_version = NULL;
  g_autoptr(Result) versions_text = NULL;
  JsonArray *array;
  JsonNode *item;

  /* Over the limit: refused before anything is stored, in the core's words. */
  too_large = run (f, "evidence", "add", id, file, "--max-size", "3145727", NULL);
  assert_refused (too_large, 1, "sbom.cdx.json");
  g_assert_nonnull (strstr (too_large->err, "--max-size"));
  g_assert_cmpuint (count_evidence (f, id), ==, 0);
  bad_size = run (f, "evidence", "add", id, file, "--max-size", "3 lots", NULL);
  assert_refused (bad_size, 2, "3 lots");
  g_assert_cmpuint (count_evidence (f, id), ==, 0);

  /* The limit itself is allowed; 3MiB is 3 × 1024 × 1024 bytes. */
  add = run (f, "evidence", "add", id, file, "--max-size", "3MiB", NULL);
  assert_ok (add);
  g_assert_cmpstr (add->err, ==, "");
  evidence_id = g_strchomp (g_steal_pointer (&add->out));

  exactly = run (f, "evidence", "add", id, file, "--max-size", "3m", NULL);
  assert_ok (exactly);
  g_assert_cmpstr (g_strchomp (exactly->out), !=, evidence_id);
  g_assert_cmpuint (count_evidence (f, id), ==, 2);

  item = json_array_get_element (list_evidence (f, id, &listed), 0);
  g_assert_cmpint (member_int (item, "size"), ==, (gint64) size);
  g_assert_cmpstr (member_string (item, "sha256"), ==, sha256);
  g_assert_cmpstr (member_string (item, "kind"), ==, "sbom");

  /* A new version keeps the item: the same id, the next version. */
  too_large_v2 = run (f, "evidence", "add", id, file_v2, "--new-version-of", evidence_id,
                      "--max-size", "3M", NULL);
  assert_refused (too_large_v2, 1, "sbom-v2.cdx.json");
  add_v2 = run (f, "evidence", "add", id, file_v2, "--new-version-of", evidence_id, NULL);
  assert_ok (add_v2);
  g_assert_cmpstr (g_strchomp (add_v2->out), ==, evidence_id);
  g_assert_cmpuint (count_evidence (f, id), ==, 2);

  g_clear_pointer (&listed, json_node_unref);
  item = json_array_get_element (list_evidence (f, id, &listed), 0);
  g_assert_cmpint (member_int (item, "version"), ==, 2);
  g_assert_cmpstr (member_string (item, "sha256"), ==, sha256_v2);
  g_assert_cmpstr (member_string (item, "file_name"), ==, "sbom-v2.cdx.json");
  g_assert_cmpstr (member_string (item, "title"), ==, "sbom.cdx.json");

  versions = run_json (f, "evidence", "versions", evidence_id, NULL);
  array = json_node_get_array (versions);
  g_assert_cmpuint (json_array_get_length (array), ==, 2);
  g_assert_cmpint (member_int (json_array_get_element (array, 0), "version"), ==, 1);
  g_assert_cmpstr (member_string (json_array_get_element (array, 0), "sha256"), ==, sha256);
  g_assert_cmpint (member_int (json_array_get_element (array, 0), "size"), ==, (gint64) size);
  g_assert_cmpint (member_int (json_array_get_element (array, 1), "version"), ==, 2);
  g_assert_cmpstr (member_string (json_array_get_element (array, 1), "sha256"), ==, sha256_v2);
  versions_text = run (f, "evidence", "versions", evidence_id, NULL);
  assert_ok (versions_text);
  g_assert_nonnull (strstr (versions_text->out, sha256));
  g_assert_nonnull (strstr (versions_text->out, sha256_v2));

  /* Version 1 stays retrievable, byte for byte. */
  get_first = run (f, "evidence", "get", evidence_id, "--version", "1", "--out", first_copy, NULL);
  assert_ok (get_first);
  assert_same_file (file, first_copy);
  get_latest = run (f, "evidence", "get", evidence_id, "--out", latest_copy, NULL);
  assert_ok (get_latest);
  assert_same_file (file_v2, latest_copy);
  get_missing = run (f, "evidence", "get", evidence_id, "--version", "3", "--out", no_copy, NULL);
  assert_refused (get_missing, 1, "version 3");
  g_assert_false (g_file_test (no_copy, G_FILE_TEST_EXISTS));
  bad_version = run (f, "evidence", "get", evidence_id, "--version", "latest", "--out", no_copy,
                     NULL);
  assert_refused (bad_version, 2, "latest");

  /* A new version keeps what the item says, and belongs to its product. */
  with_kind = run (f, "evidence", "add", id, file_v2, "--new-version-of", evidence_id,
                   "--kind", "sbom", NULL);
  assert_refused (with_kind, 2, "--new-version-of");
  wrong_product = run (f, "evidence", "add", other, file_v2, "--new-version-of", evidence_id,
                       NULL);
  assert_refused (wrong_product, 1, evidence_id);
  g_clear_pointer (&versions, json_node_unref);
  versions = run_json (f, "evidence", "versions", evidence_id, NULL);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (versions)), ==, 2);
}

static void
test_evidence_refused (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *id = add_product (f);
  g_autofree char *file = write_file (f, "report.txt", "Report\n", -1);
  g_autofree char *missing = fixture_file (f, "no-such-report.pdf");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(Result) unknown_requirement = NULL;
  g_autoptr(Result) unknown_threat = NULL;
  g_autoptr(Result) bad_threat = NULL;
  g_autoptr(Result) bad_kind = NULL;
  g_autoptr(Result) malformed_date = NULL;
  g_autoptr(Result) impossible_date = NULL;
  g_autoptr(Result) missing_file = NULL;
  g_autoptr(Result) folder = NULL;
  g_autoptr(Result) no_product = NULL;
  g_autoptr(Result) no_file = NULL;
  g_autoptr(Result) long_title = NULL;
  g_autoptr(Result) audit = NULL;
  g_autofree char *title = g_strnfill (201, 'x');

  audit = run (f, "audit", "--json", NULL);
  assert_ok (audit);
  before = g_steal_pointer (&audit->out);

  unknown_requirement = run (f, "evidence", "add", id, file, "--requirement", "AnnexI.PartI.1",
                             "--requirement", "AnnexI.PartIII.9", NULL);
  assert_refused (unknown_requirement, 1, "AnnexI.PartIII.9");
  unknown_threat = run (f, "evidence", "add", id, file, "--threat", "T9", NULL);
  assert_refused (unknown_threat, 1, "T9");
  bad_threat = run (f, "evidence", "add", id, file, "--threat", "nine", NULL);
  assert_refused (bad_threat, 2, "nine");
  bad_kind = run (f, "evidence", "add", id, file, "--kind", "memo", NULL);
  assert_refused (bad_kind, 2, "memo");
  g_assert_nonnull (strstr (bad_kind->err, "test-report"));
  g_assert_nonnull (strstr (bad_kind->err, "penetration-test"));
  malformed_date = run (f, "evidence", "add", id, file, "--valid-until", "next year", NULL);
  assert_refused (malformed_date, 2, "next year");
  impossible_date = run (f, "evidence", "add", id, file, "--valid-until", "2027-02-30", NULL);
  assert_refused (impossible_date, 1, "2027-02-30");
  missing_file = run (f, "evidence", "add", id, missing, NULL);
  assert_refused (missing_file, 1, missing);
  folder = run (f, "evidence", "add", id, f->dir, NULL);
  assert_refused (folder, 1, NULL);
  no_product = run (f, "evidence", "add", "99", file, NULL);
  assert_refused (no_product, 1, "99");
  no_file = run (f, "evidence", "add", id, NULL);
  assert_refused (no_file, 2, NULL);
  long_title = run (f, "evidence", "add", id, file, "--title", title, NULL);
  assert_refused (long_title, 1, "Title");

  /* Nothing of any of them was stored, not even in the audit log. */
  g_assert_cmpuint (count_evidence (f, id), ==, 0);
  g_clear_pointer (&audit, result_free);
  audit = run (f, "audit", "--json", NULL);
  assert_ok (audit);
  after = g_steal_pointer (&audit->out);
  g_assert_cmpstr (after, ==, before);
}

static void
test_evidence_set_remove (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *id = add_product (f);
  g_autofree char *file = write_file (f, "policy.md", "# Disclosure policy\n", -1);
  g_autofree char *sha256 = file_sha256 (file, NULL);
  g_autofree char *evidence_id = NULL;
  g_autofree char *requirements = NULL;
  g_autofree char *threats = NULL;
  g_autoptr(JsonNode) shown = NULL;
  g_autoptr(JsonNode) audit = NULL;
  g_autoptr(Result) set = NULL;
  g_autoptr(Result) nothing = NULL;
  g_autoptr(Result) both = NULL;
  g_autoptr(Result) unknown = NULL;
  g_autoptr(Result) empty_title = NULL;
  g_autoptr(Result) removed = NULL;
  g_autoptr(Result) removed_again = NULL;
  JsonArray *entries;
  gboolean audited = FALSE;

  add_threat (f, id, "T1", "--asset", "Firmware", "--title", "Rollback",
              "--stride", "T", "--likelihood", "2", "--impact", "2", NULL);
  add_threat (f, id, "T2", "--asset", "Firmware", "--title", "Unsigned image",
              "--stride", "T", "--likelihood", "2", "--impact", "3", NULL);
  evidence_id = run_id (f, "evidence", "add", id, file, "--requirement", "AnnexI.PartII.5",
                        "--threat", "1", NULL);

  /* Options not given keep their value. */
  set = run (f, "evidence", "set", evidence_id, "--title", "Coordinated disclosure policy",
             "--kind", "policy", "--threat", "T2", "--threat", "T1", NULL);
  assert_ok (set);
  g_assert_cmpstr (set->out, ==, "");
  shown = show_evidence (f, evidence_id);
  g_assert_cmpstr (member_string (shown, "title"), ==, "Coordinated disclosure policy");
  g_assert_cmpstr (member_string (shown, "kind"), ==, "policy");
  requirements = join_array (member_array (shown, "requirements"));
  g_assert_cmpstr (requirements, ==, "AnnexI.PartII.5");
  threats = join_array (member_array (shown, "threats"));
  g_assert_cmpstr (threats, ==, "T1 T2");
  g_assert_cmpstr (member_string (shown, "sha256"), ==, sha256);

  g_clear_pointer (&set, result_free);
  set = run (f, "evidence", "set", evidence_id, "--requirement", "AnnexI.PartII.1",
             "--no-threats", "--valid-until", "2020-01-31", NULL);
  assert_ok (set);
  g_clear_pointer (&shown, json_node_unref);
  shown = show_evidence (f, evidence_id);
  g_clear_pointer (&requirements, g_free);
  requirements = join_array (member_array (shown, "requirements"));
  g_assert_cmpstr (requirements, ==, "AnnexI.PartII.1");
  g_assert_cmpuint (json_array_get_length (member_array (shown, "threats")), ==, 0);
  g_assert_cmpstr (member_string (shown, "valid_until"), ==, "2020-01-31");
  g_assert_true (member_bool (shown, "expired"));
  g_assert_cmpstr (member_string (shown, "title"), ==, "Coordinated disclosure policy");

  g_clear_pointer (&set, result_free);
  set = run (f, "evidence", "set", evidence_id, "--no-expiry", "--no-requirements", NULL);
  assert_ok (set);
  g_clear_pointer (&shown, json_node_unref);
  shown = show_evidence (f, evidence_id);
  g_assert_true (member_is_null (shown, "valid_until"));
  g_assert_false (member_bool (shown, "expired"));
  g_assert_cmpuint (json_array_get_length (member_array (shown, "requirements")), ==, 0);

  nothing = run (f, "evidence", "set", evidence_id, NULL);
  assert_refused (nothing, 2, NULL);
  both = run (f, "evidence", "set", evidence_id, "--valid-until", "2030-01-01", "--no-expiry",
              NULL);
  assert_refused (both, 2, "--no-expiry");
  unknown = run (f, "evidence", "set", evidence_id, "--requirement", "AnnexI.PartI.9", NULL);
  assert_refused (unknown, 1, "AnnexI.PartI.9");
  empty_title = run (f, "evidence", "set", evidence_id, "--title", " ", NULL);
  assert_refused (empty_title, 1, "Title");
  g_clear_pointer (&shown, json_node_unref);
  shown = show_evidence (f, evidence_id);
  g_assert_cmpstr (member_string (shown, "title"), ==, "Coordinated disclosure policy");

  /* Removed with its versions; the audit log keeps their hashes. */
  removed = run (f, "evidence", "remove", evidence_id, NULL);
  assert_ok (removed);
  g_assert_cmpstr (removed->out, ==, "");
  g_assert_cmpuint (count_evidence (f, id), ==, 0);
  removed_again = run (f, "evidence", "remove", evidence_id, NULL);
  assert_refused (removed_again, 1, evidence_id);

  audit = run_json (f, "audit", NULL);
  entries = json_node_get_array (audit);
  for (guint i = 0; i < json_array_get_length (entries); i++)
    {
      JsonObject *entry = json_array_get_object_element (entries, i);

      if (g_str_equal (json_object_get_string_member (entry, "action"), "evidence.remove"))
        audited = strstr (json_object_get_string_member (entry, "detail"), sha256) != NULL;
    }
  g_assert_true (audited);
}

static void
test_evidence_verify (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *id = add_product (f);
  g_autofree char *other = add_product (f);
  const char *content = "Penetration test report, March 2027: no findings.\n";
  g_autofree char *file = write_file (f, "pentest.txt", content, -1);
  g_autofree char *file_v2 = write_file (f, "pentest-v2.txt", "Retest: no findings.\n", -1);
  g_autofree char *sbom = write_file (f, "sbom.json", "{}\n", -1);
  g_autofree char *sha256 = file_sha256 (file, NULL);
  g_autofree char *out = fixture_file (f, "out.txt");
  g_autofree char *kept = write_file (f, "kept.txt", "kept\n", -1);
  g_autofree char *latest = fixture_file (f, "latest.txt");
  g_autofree char *evidence_id = NULL;
  g_autofree char *mismatch_line = NULL;
  g_autofree char *kept_contents = NULL;
  g_autoptr(JsonNode) json = NULL;
  g_autoptr(Result) add_v2 = NULL;
  g_autoptr(Result) clean = NULL;
  g_autoptr(Result) clean_other = NULL;
  g_autoptr(Result) damaged = NULL;
  g_autoptr(Result) damaged_all = NULL;
  g_autoptr(Result) damaged_json = NULL;
  g_autoptr(Result) still_clean = NULL;
  g_autoptr(Result) get = NULL;
  g_autoptr(Result) get_kept = NULL;
  g_autoptr(Result) get_latest = NULL;
  g_autoptr(Result) bad_id = NULL;
  JsonArray *mismatches;
  JsonNode *mismatch;
  guint n_files;

  evidence_id = run_id (f, "evidence", "add", id, file, "--title", "Pen test", NULL);
  add_v2 = run (f, "evidence", "add", id, file_v2, "--new-version-of", evidence_id, NULL);
  assert_ok (add_v2);
  g_free (run_id (f, "evidence", "add", id, sbom, NULL));
  g_free (run_id (f, "evidence", "add", other, sbom, NULL));

  clean = run (f, "evidence", "verify", id, NULL);
  assert_ok (clean);
  g_assert_cmpstr (clean->out, ==, "3 versions checked, all match\n");
  g_assert_cmpstr (clean->err, ==, "");
  g_clear_pointer (&clean, result_free);
  clean = run (f, "evidence", "verify", "all", NULL);
  assert_ok (clean);
  g_assert_cmpstr (clean->out, ==, "4 versions checked, all match\n");
  json = run_json (f, "evidence", "verify", id, NULL);
  g_assert_cmpint (member_int (json, "checked"), ==, 3);
  g_assert_cmpuint (json_array_get_length (member_array (json, "mismatches")), ==, 0);
  bad_id = run (f, "evidence", "verify", "every", NULL);
  assert_refused (bad_id, 2, "every");

  corrupt_stored (f, content, strlen (content));

  /* Version 1 no longer matches: named, with both hashes, exit status 4. */
  damaged = run (f, "evidence", "verify", id, NULL);
  g_assert_cmpint (damaged->status, ==, 4);
  mismatch_line = g_strdup_printf ("evidence %s version 1 “Pen test”: recorded %s, found ",
                                   evidence_id, sha256);
  g_assert_true (g_str_has_prefix (damaged->out, mismatch_line));
  assert_one_line (damaged->out);
  g_assert_true (g_str_has_prefix (damaged->err, "conformity-cli: "));
  assert_one_line (damaged->err);
  damaged_all = run (f, "evidence", "verify", "all", NULL);
  g_assert_cmpint (damaged_all->status, ==, 4);
  g_assert_cmpstr (damaged_all->out, ==, damaged->out);
  clean_other = run (f, "evidence", "verify", other, NULL);
  assert_ok (clean_other);

  damaged_json = run (f, "evidence", "verify", id, "--json", NULL);
  g_assert_cmpint (damaged_json->status, ==, 4);
  g_clear_pointer (&json, json_node_unref);
  json = parse_json (damaged_json->out);
  g_assert_cmpint (member_int (json, "checked"), ==, 3);
  mismatches = member_array (json, "mismatches");
  g_assert_cmpuint (json_array_get_length (mismatches), ==, 1);
  mismatch = json_array_get_element (mismatches, 0);
  g_assert_cmpint (member_int (mismatch, "evidence_id"), ==,
                   g_ascii_strtoll (evidence_id, NULL, 10));
  g_assert_cmpint (member_int (mismatch, "version"), ==, 1);
  g_assert_cmpstr (member_string (mismatch, "title"), ==, "Pen test");
  g_assert_cmpstr (member_string (mismatch, "expected"), ==, sha256);
  g_assert_nonnull (member_string (mismatch, "actual"));
  g_assert_cmpstr (member_string (mismatch, "actual"), !=, sha256);

  /* The damaged version is refused and written nowhere; an existing file
   * keeps what it had. */
  n_files = count_files (f);
  get = run (f, "evidence", "get", evidence_id, "--version", "1", "--out", out, NULL);
  assert_refused (get, 1, evidence_id);
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  get_kept = run (f, "evidence", "get", evidence_id, "--version", "1", "--out", kept, NULL);
  assert_refused (get_kept, 1, evidence_id);
  g_file_get_contents (kept, &kept_contents, NULL, NULL);
  g_assert_cmpstr (kept_contents, ==, "kept\n");
  g_assert_cmpuint (count_files (f), ==, n_files);

  /* The other version is intact. */
  get_latest = run (f, "evidence", "get", evidence_id, "--out", latest, NULL);
  assert_ok (get_latest);
  assert_same_file (file_v2, latest);
  still_clean = run (f, "evidence", "verify", other, "--json", NULL);
  assert_ok (still_clean);
}

/* Charts */

/* The size a PNG says it has: the IHDR chunk follows the 8-byte signature,
 * its width and height big-endian at bytes 16 to 23. */
static void
assert_png (const char *path,
            guint32     width,
            guint32     height)
{
  static const guchar signature[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  const guchar *bytes;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 24);
  bytes = (const guchar *) contents;
  g_assert_cmpmem (bytes, 8, signature, 8);
  g_assert_cmpmem (bytes + 12, 4, "IHDR", 4);
  g_assert_cmpuint ((guint32) bytes[16] << 24 | bytes[17] << 16 | bytes[18] << 8 | bytes[19],
                    ==, width);
  g_assert_cmpuint ((guint32) bytes[20] << 24 | bytes[21] << 16 | bytes[22] << 8 | bytes[23],
                    ==, height);
}

static void
test_chart (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *id = add_product (f);
  g_autofree char *heatmap = fixture_file (f, "heatmap.png");
  g_autofree char *inherent = fixture_file (f, "inherent.png");
  g_autofree char *readiness = fixture_file (f, "readiness.png");
  g_autofree char *refused = fixture_file (f, "refused.png");
  g_autofree char *no_folder = fixture_file (f, "no-such-folder/chart.png");
  g_autoptr(Result) heatmap_run = NULL;
  g_autoptr(Result) inherent_run = NULL;
  g_autoptr(Result) readiness_run = NULL;
  g_autoptr(Result) unknown_kind = NULL;
  g_autoptr(Result) too_narrow = NULL;
  g_autoptr(Result) not_a_number = NULL;
  g_autoptr(Result) unwritable = NULL;
  g_autoptr(Result) no_kind = NULL;

  add_threat (f, id, "T1", "--asset", "Web interface", "--title", "Password guessing",
              "--stride", "S", "--likelihood", "4", "--impact", "4",
              "--residual-likelihood", "2", "--residual-impact", "2", NULL);

  heatmap_run = run (f, "chart", id, "--kind", "heatmap", "--out", heatmap,
                     "--width", "640", "--height", "480", NULL);
  assert_ok (heatmap_run);
  g_assert_cmpstr (heatmap_run->out, ==, "");
  assert_png (heatmap, 640, 480);

  inherent_run = run (f, "chart", id, "--kind", "heatmap", "--inherent", "--out", inherent, NULL);
  assert_ok (inherent_run);
  assert_png (inherent, 800, 600);

  readiness_run = run (f, "chart", id, "--kind", "readiness", "--out", readiness,
                       "--width", "1000", NULL);
  assert_ok (readiness_run);
  assert_png (readiness, 1000, 850);

  unknown_kind = run (f, "chart", id, "--kind", "pie", "--out", refused, NULL);
  assert_refused (unknown_kind, 2, "pie");
  no_kind = run (f, "chart", id, "--out", refused, NULL);
  assert_refused (no_kind, 2, "--kind");
  too_narrow = run (f, "chart", id, "--kind", "heatmap", "--out", refused, "--width", "50", NULL);
  assert_refused (too_narrow, 1, "50");
  not_a_number = run (f, "chart", id, "--kind", "heatmap", "--out", refused,
                      "--height", "tall", NULL);
  assert_refused (not_a_number, 2, "tall");
  unwritable = run (f, "chart", id, "--kind", "readiness", "--out", no_folder, NULL);
  assert_refused (unwritable, 1, "no-such-folder");
  g_assert_false (g_file_test (refused, G_FILE_TEST_EXISTS));
}

/* SBOMs */

static char *
sbom_data_file (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "sbom", name, NULL);
}

/* The laravel SBOM with its first component removed, the second's version
 * changed and a new one added: a later build's SBOM. */
static char *
write_changed_sbom (Fixture    *f,
                    const char *source,
                    char      **removed,
                    char      **changed)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  JsonObject *root, *second, *added;
  JsonArray *components;

  json_parser_load_from_file (parser, source, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  components = json_object_get_array_member (root, "components");
  *removed = g_strdup (json_object_get_string_member (json_array_get_object_element (components, 0), "name"));
  json_array_remove_element (components, 0);
  second = json_array_get_object_element (components, 0);
  *changed = g_strdup (json_object_get_string_member (second, "name"));
  json_object_set_string_member (second, "version", "99.0.0");
  added = json_object_new ();
  json_object_set_string_member (added, "type", "library");
  json_object_set_string_member (added, "name", "zz-new-library");
  json_object_set_string_member (added, "version", "1.0.0");
  json_object_set_string_member (added, "purl", "pkg:composer/zz/new-library@1.0.0");
  json_array_add_object_element (components, added);
  if (json_object_has_member (root, "dependencies"))
    json_object_remove_member (root, "dependencies");

  json_generator_set_root (generator, json_parser_get_root (parser));
  text = json_generator_to_data (generator, NULL);
  return write_file (f, "build-2.cdx.json", text, -1);
}

static void
test_sbom_commands (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *id = add_product (f);
  g_autofree char *json_file = sbom_data_file ("cyclonedx-laravel-7.12.0_bom.1.4.json");
  g_autofree char *bad_file = write_file (f, "broken.cdx.json",
                                          "{\"bomFormat\": \"CycloneDX\",\n\"specVersion\": \"1.4\",\n"
                                          "\"components\": [ {\"name\": ", -1);
  g_autofree char *removed = NULL;
  g_autofree char *changed = NULL;
  g_autofree char *changed_file = NULL;
  g_autofree char *first_id = NULL;
  g_autofree char *second_id = NULL;
  g_autofree char *count = NULL;
  g_autoptr(JsonNode) list = NULL;
  g_autoptr(JsonNode) check = NULL;
  g_autoptr(JsonNode) diff = NULL;
  g_autoptr(JsonNode) found = NULL;
  JsonNode *first;
  gint64 score;

  /* The count alone on stdout; the rest on stderr. */
  {
    g_autoptr(Result) result = run (f, "sbom", "import", id, json_file, NULL);

    assert_ok (result);
    assert_one_line (result->out);
    count = g_strstrip (g_strdup (result->out));
    g_assert_nonnull (strstr (result->err, "Imported SBOM"));
    g_assert_nonnull (strstr (result->err, "/100"));
  }

  list = run_json (f, "sbom", "list", id, NULL);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (list)), ==, 1);
  first = json_array_get_element (json_node_get_array (list), 0);
  g_assert_cmpstr (member_string (first, "format"), ==, "cyclonedx-json");
  g_assert_cmpstr (member_string (first, "spec_version"), ==, "1.4");
  g_assert_cmpstr (member_string (first, "product_version"), ==, "2.4.1");
  g_assert_cmpint (member_int (first, "components"), ==, g_ascii_strtoll (count, NULL, 10));
  g_assert_cmpint (member_int (first, "components"), >, 10);
  first_id = g_strdup_printf ("%" G_GINT64_FORMAT, member_int (first, "id"));

  /* The quality check: a score, fields and findings that name components. */
  check = run_json (f, "sbom", "check", id, NULL);
  score = member_int (check, "score");
  g_assert_cmpint (score, >=, 0);
  g_assert_cmpint (score, <, 100);
  g_assert_cmpuint (json_array_get_length (member_array (check, "fields")), >, 5);
  g_assert_cmpuint (json_array_get_length (member_array (check, "findings")), >, 0);
  {
    g_autoptr(Result) strict = run (f, "sbom", "check", id, "--min-score", "100", NULL);
    g_autoptr(Result) usage = run (f, "sbom", "check", id, "--min-score", "101", NULL);

    g_assert_cmpint (strict->status, ==, 3);
    g_assert_nonnull (strstr (strict->out, "BSI TR-03183-2"));
    assert_refused (usage, 2, "--min-score");
  }

  /* Search. */
  found = run_json (f, "sbom", "components", id, "--search", "SYMFONY", NULL);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (found)), >, 0);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (found)), <, g_ascii_strtoull (count, NULL, 10));
  /* Name or purl: "console" is pkg:composer/symfony/console. */
  for (guint i = 0; i < json_array_get_length (json_node_get_array (found)); i++)
    {
      JsonNode *c = json_array_get_element (json_node_get_array (found), i);
      g_autofree char *both = g_strconcat (member_string (c, "name"), " ",
                                           member_is_null (c, "purl") ? "" : member_string (c, "purl"), NULL);

      g_assert_nonnull (strstr (both, "symfony"));
    }

  /* A later build's SBOM, and what changed. */
  changed_file = write_changed_sbom (f, json_file, &removed, &changed);
  {
    g_autoptr(Result) result = run (f, "sbom", "import", id, changed_file, "--product-version", "2.5.0", NULL);

    assert_ok (result);
  }
  g_clear_pointer (&list, json_node_unref);
  list = run_json (f, "sbom", "list", id, NULL);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (list)), ==, 2);
  second_id = g_strdup_printf ("%" G_GINT64_FORMAT,
                               member_int (json_array_get_element (json_node_get_array (list), 0), "id"));

  diff = run_json (f, "sbom", "diff", id, first_id, second_id, NULL);
  g_assert_cmpint (member_int (diff, "added"), ==, 1);
  g_assert_cmpint (member_int (diff, "removed"), ==, 1);
  g_assert_cmpint (member_int (diff, "version_changed"), ==, 1);
  {
    g_autoptr(Result) result = run (f, "sbom", "diff", id, first_id, second_id, NULL);
    g_autofree char *plus = g_strdup ("+ zz-new-library 1.0.0\n");
    g_autofree char *minus = g_strdup_printf ("- %s ", removed);
    g_autofree char *tilde = g_strdup_printf ("~ %s ", changed);

    assert_ok (result);
    g_assert_nonnull (strstr (result->out, plus));
    g_assert_nonnull (strstr (result->out, minus));
    g_assert_nonnull (strstr (result->out, tilde));
    g_assert_nonnull (strstr (result->out, "→ 99.0.0"));
  }

  /* A broken file: refused, named, and nothing stored. */
  {
    g_autoptr(Result) result = run (f, "sbom", "import", id, bad_file, NULL);
    g_autoptr(JsonNode) after = NULL;

    assert_refused (result, 1, "broken.cdx.json");
    after = run_json (f, "sbom", "list", id, NULL);
    g_assert_cmpuint (json_array_get_length (json_node_get_array (after)), ==, 2);
  }

  /* Usage errors. */
  {
    g_autoptr(Result) no_file = run (f, "sbom", "import", id, NULL);
    g_autoptr(Result) unknown = run (f, "sbom", "diff", id, first_id, "999", NULL);
    g_autoptr(Result) size = run (f, "sbom", "import", id, json_file, "--max-size", "1K", NULL);

    assert_refused (no_file, 2, NULL);
    assert_refused (unknown, 1, "999");
    assert_refused (size, 1, NULL);
  }
}

/* A dossier: the seal on stdout, verified intact; a changed byte caught. */
static void
test_dossier_commands (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *id = run_id (f, "product", "add-example", NULL);
  g_autofree char *out = fixture_file (f, "dossier.zip");
  g_autofree char *seal = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  {
    g_autoptr(Result) result = run (f, "dossier", "export", id, "--out", out, NULL);

    assert_ok (result);
    assert_one_line (result->out);
    seal = g_strstrip (g_strdup (result->out));
    g_assert_cmpuint (strlen (seal), ==, 64);
  }
  {
    g_autoptr(Result) result = run (f, "dossier", "verify", out, "--seal", seal, NULL);

    assert_ok (result);
    expected = g_strdup_printf ("intact %s\n", seal);
    g_assert_cmpstr (result->out, ==, expected);
  }

  /* One byte changed in the middle, inside some member's data. */
  g_assert_true (g_file_get_contents (out, &contents, &length, NULL));
  contents[length / 2] ^= 0x20;
  g_assert_true (g_file_set_contents (out, contents, (gssize) length, NULL));
  {
    g_autoptr(Result) result = run (f, "dossier", "verify", out, "--seal", seal, NULL);

    g_assert_cmpint (result->status, ==, 1);
    g_assert_cmpstr (result->err, !=, "");
  }
}

/* The notified body's side and back: review open, finding add, report,
 * export in the reviewer's project; findings import, list, set in the
 * manufacturer's. */
static void
test_review_commands (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *id = run_id (f, "product", "add-example", NULL);
  g_autofree char *out = fixture_file (f, "dossier.zip");
  g_autofree char *report = fixture_file (f, "report.pdf");
  g_autofree char *findings = fixture_file (f, "findings.json");
  g_autofree char *extracted = fixture_file (f, "extracted.md");
  g_autofree char *reviews = fixture_file (f, "reviews.db");
  g_autofree char *seal = NULL;
  g_autofree char *pdf = NULL;
  char *manufacturer_db = f->db;
  gsize length;

  {
    g_autoptr(Result) result = run (f, "generate", id, "--kind", "declaration", NULL);

    assert_ok (result);
  }
  {
    g_autoptr(Result) result = run (f, "dossier", "export", id, "--out", out, NULL);

    assert_ok (result);
    seal = g_strstrip (g_strdup (result->out));
  }

  /* The reviewer works in a project of their own. */
  f->db = reviews;
  {
    g_autoptr(Result) result = run (f, "review", "open", out, "--seal", seal, NULL);

    assert_ok (result);
    g_assert_cmpstr (result->out, ==, "1\n");
  }
  {
    g_autoptr(Result) result = run (f, "product", "list", "--json", NULL);

    assert_ok (result);
    g_assert_cmpstr (g_strstrip (result->out), ==, "[]");
  }
  {
    g_autoptr(Result) result = run (f, "review", "finding", "add", "--requirement",
                                    "AnnexI.PartI.2.c", "--severity", "minor", "--text",
                                    "No test report for the update signature check.", NULL);

    assert_ok (result);
    g_assert_cmpstr (result->out, ==, "F1\n");
  }
  {
    g_autoptr(Result) result = run (f, "review", "finding", "add", "--document",
                                    "documents/declaration-v1-en.pdf", "--severity",
                                    "observation", "--text", "Place of issue missing.", NULL);

    assert_ok (result);
    g_assert_cmpstr (result->out, ==, "F2\n");
  }
  {
    g_autoptr(Result) result = run (f, "review", "finding", "add", "--requirement",
                                    "AnnexI.PartI.99", "--severity", "minor", "--text", "x", NULL);

    assert_refused (result, 1, "AnnexI.PartI.99");
  }
  {
    g_autoptr(Result) result = run (f, "review", "finding", "add", "--severity", "minor", NULL);

    assert_refused (result, 2, "--requirement");
  }
  {
    g_autoptr(Result) result = run (f, "review", "show", "--json", NULL);

    assert_ok (result);
    g_assert_nonnull (strstr (result->out, "\"seal\" : \""));
    g_assert_nonnull (strstr (result->out, "AnnexI.PartI.2.c"));
    g_assert_nonnull (strstr (result->out, "evidence/E1/"));
  }
  {
    g_autoptr(Result) result = run (f, "review", "extract", "evidence/E5/update-test-report.md",
                                    "--out", extracted, NULL);

    assert_ok (result);
    g_assert_true (g_file_test (extracted, G_FILE_TEST_IS_REGULAR));
  }
  {
    g_autoptr(Result) result = run (f, "review", "report", "--out", report, NULL);

    assert_ok (result);
    g_assert_true (g_file_get_contents (report, &pdf, &length, NULL));
    g_assert_true (g_str_has_prefix (pdf, "%PDF-"));
  }
  {
    g_autoptr(Result) result = run (f, "review", "export", "--out", findings, NULL);

    assert_ok (result);
    g_assert_nonnull (strstr (result->err, "2 findings"));
  }

  /* Back at the manufacturer's. */
  f->db = manufacturer_db;
  {
    g_autoptr(Result) result = run (f, "findings", "import", id, findings, NULL);

    assert_ok (result);
    g_assert_cmpstr (result->out, ==, "2 new, 0 changed, 0 unchanged\n");
  }
  {
    g_autoptr(Result) result = run (f, "findings", "import", id, findings, NULL);

    assert_ok (result);
    g_assert_cmpstr (result->out, ==, "0 new, 0 changed, 2 unchanged\n");
  }
  {
    g_autoptr(Result) result = run (f, "findings", "import", id, report, NULL);

    assert_refused (result, 1, "report.pdf");
  }
  {
    g_autoptr(Result) result = run (f, "findings", "set", "1", "--status", "answered", NULL);

    assert_refused (result, 1, "Answer");
  }
  {
    g_autoptr(Result) result = run (f, "findings", "set", "1", "--status", "answered",
                                    "--answer", "Test report added as E6.", NULL);

    assert_ok (result);
  }
  {
    g_autoptr(Result) result = run (f, "findings", "list", id, "--requirement",
                                    "AnnexI.PartI.2.c", "--json", NULL);

    assert_ok (result);
    g_assert_nonnull (strstr (result->out, "\"status\" : \"answered\""));
    g_assert_nonnull (strstr (result->out, "Test report added as E6."));
    g_assert_null (strstr (result->out, "declaration-v1-en.pdf"));
  }
  {
    g_autoptr(Result) result = run (f, "dossier", "list", id, "--json", NULL);

    assert_ok (result);
    g_assert_nonnull (strstr (result->out, seal));
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/cli/help/top", test_help_top);
  ADD ("/cli/help/commands", test_help_commands);
  ADD ("/cli/version", test_version);
  ADD ("/cli/usage/errors", test_usage_errors);
  ADD ("/cli/manufacturer/round-trip", test_manufacturer_round_trip);
  ADD ("/cli/manufacturer/partial-update", test_manufacturer_partial_update);
  ADD ("/cli/manufacturer/invalid-email", test_manufacturer_invalid_email);
  ADD ("/cli/manufacturer/first-time", test_manufacturer_first_time);
  ADD ("/cli/product/add", test_product_add);
  ADD ("/cli/product/add-refused", test_product_add_refused);
  ADD ("/cli/product/not-found", test_product_not_found);
  ADD ("/cli/product/set", test_product_set);
  ADD ("/cli/product/add-example", test_product_example);
  ADD ("/cli/declaration/readiness", test_declaration_readiness);
  ADD ("/cli/declaration/refused", test_declaration_refused);
  ADD ("/cli/user-info/round-trip", test_user_info_round_trip);
  ADD ("/cli/user-info/refused", test_user_info_refused);
  ADD ("/cli/user-info/example", test_user_info_example);
  ADD ("/cli/generate/declaration", test_generate_declaration);
  ADD ("/cli/generate/json", test_generate_json);
  ADD ("/cli/generate/refused", test_generate_refused);
  ADD ("/cli/audit", test_audit);
  ADD ("/cli/database/not-sqlite", test_database_not_sqlite);
  ADD ("/cli/catalogue", test_catalogue);
  ADD ("/cli/scope", test_scope);
  ADD ("/cli/scope/refused", test_scope_refused);
  ADD ("/cli/classify/suggest", test_classify_suggest);
  ADD ("/cli/classify/set", test_classify_set);
  ADD ("/cli/classify/procedures", test_classify_procedures);
  ADD ("/cli/dates", test_dates);
  ADD ("/cli/assessment/no-database", test_assessment_no_database);
  ADD ("/cli/declaration/assessed", test_declaration_assessed);
  ADD ("/cli/assess/round-trip", test_assess_round_trip);
  ADD ("/cli/assess/refused", test_assess_refused);
  ADD ("/cli/threat/add", test_threat_add);
  ADD ("/cli/threat/set-remove", test_threat_set_remove);
  ADD ("/cli/evidence/no-database", test_evidence_no_database);
  ADD ("/cli/evidence/round-trip", test_evidence_round_trip);
  ADD ("/cli/evidence/versions", test_evidence_versions);
  ADD ("/cli/evidence/refused", test_evidence_refused);
  ADD ("/cli/evidence/set-remove", test_evidence_set_remove);
  ADD ("/cli/evidence/verify", test_evidence_verify);
  ADD ("/cli/readiness", test_readiness);
  ADD ("/cli/chart", test_chart);
  ADD ("/cli/sbom", test_sbom_commands);
  ADD ("/cli/dossier", test_dossier_commands);
  ADD ("/cli/review", test_review_commands);
#undef ADD

  return g_test_run ();
}
