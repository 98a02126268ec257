/* test-cli-vuln.c — vulnerabilities, incidents and Article 14 reports through conformity-cli
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

#include "cli-harness.h"

#define CSIRT "CERT-Bund"

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

static JsonNode *
member (JsonNode   *object,
        const char *name)
{
  JsonObject *o = json_node_get_object (object);

  g_assert_true (json_object_has_member (o, name));
  return json_object_get_member (o, name);
}

static JsonNode *
element (JsonNode *array,
         guint     index)
{
  return json_array_get_element (json_node_get_array (array), index);
}

static guint
length (JsonNode *array)
{
  return json_array_get_length (json_node_get_array (array));
}

/* Times relative to now, as ISO 8601 in UTC: the CLI refuses awareness in
 * the future, and deadlines are measured from now. */
static char *
iso_from_now (GTimeSpan offset)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) then = g_date_time_add (now, offset);

  return g_date_time_format (then, "%Y-%m-%dT%H:%M:%SZ");
}

static GDateTime *
parse_time (const char *iso)
{
  GDateTime *time = g_date_time_new_from_iso8601 (iso, NULL);

  g_assert_nonnull (time);
  return time;
}

static void
add_manufacturer (Fixture    *f,
                  gboolean    with_csirt)
{
  const char *args[] = { "manufacturer", "set",
                         "--name", "Zakład Łódź sp. z o.o.",
                         "--address", "ul. Piotrkowska 1\n90-001 Łódź\nPolska",
                         "--email", "security@example.com",
                         "--main-establishment", "pl",
                         "--csirt", CSIRT,
                         NULL };
  g_autoptr(Result) result = NULL;

  /* Without the CSIRT, the list ends before --csirt. */
  if (!with_csirt)
    args[G_N_ELEMENTS (args) - 3] = NULL;

  result = run_argv (f, args);
  assert_ok (result);
}

static char *
add_product (Fixture *f)
{
  return run_id (f, "product", "add", "--name", "Smart Thermostat", "--model", "ST-200",
                 "--version", "2.4.1", "--member-states", "de, fr", NULL);
}

/* An actively exploited vulnerability the manufacturer became aware of
 * @hours_ago hours ago. */
static char *
add_exploited (Fixture    *f,
               const char *product,
               int         hours_ago)
{
  g_autofree char *aware = iso_from_now (-hours_ago * G_TIME_SPAN_HOUR);

  return run_id (f, "vuln", "add", product, "--title", "Heap overflow in the web interface",
                 "--aware-at", aware, "--exploited", NULL);
}

static char *
add_severe_incident (Fixture    *f,
                     const char *product,
                     int         hours_ago)
{
  g_autofree char *aware = iso_from_now (-hours_ago * G_TIME_SPAN_HOUR);

  return run_id (f, "incident", "add", product, "--title", "Update server compromised",
                 "--aware-at", aware, "--severe", "--suspected", "yes", NULL);
}

static JsonNode *
show_case (Fixture    *f,
           const char *id)
{
  return run_json (f, "case", "show", id, NULL);
}

static JsonNode *
find_step (JsonNode   *steps,
           const char *case_id,
           const char *step)
{
  for (guint i = 0; i < length (steps); i++)
    {
      JsonNode *item = element (steps, i);
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, member_int (item, "case"));

      if (g_str_equal (id, case_id) && g_str_equal (member_string (item, "step"), step))
        return item;
    }

  g_error ("no step %s of case %s", step, case_id);
  return NULL;
}

/* Help */

static void
test_help (Fixture       *f,
           gconstpointer  data)
{
  const char *commands[][2] = {
    { "vuln add", "--aware-at" }, { "vuln set", "--not-exploited" }, { "vuln list", "--json" },
    { "incident add", "--suspected" }, { "incident set", "--not-severe" },
    { "incident list", "--json" }, { "case show", "--json" }, { "case remove", "CASE" },
    { "deadlines", "--all" }, { "report", "--step" }, { "mark-sent", "--reference" },
    { "update add", "--fixes" }, { "update list", "--json" }, { "csaf", "--out" },
    { "vex", "--out" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_auto(GStrv) words = g_strsplit (commands[i][0], " ", -1);
      g_autoptr(GPtrArray) args = g_ptr_array_new ();
      g_autoptr(Result) result = NULL;
      g_autofree char *usage = g_strdup_printf ("conformity-cli %s [OPTION…]", commands[i][0]);

      for (guint w = 0; words[w] != NULL; w++)
        g_ptr_array_add (args, words[w]);
      g_ptr_array_add (args, (char *) "--help");
      g_ptr_array_add (args, NULL);

      result = run_argv (f, (const char * const *) args->pdata);
      assert_ok (result);
      g_assert_cmpstr (result->err, ==, "");
      g_assert_nonnull (strstr (result->out, usage));
      if (strstr (result->out, commands[i][1]) == NULL)
        g_error ("“%s --help” does not mention %s", commands[i][0], commands[i][1]);
    }

  /* Every text field of a vulnerability is an option; an incident's own too. */
  {
    g_autoptr(Result) vuln = run (f, "vuln", "add", "--help", NULL);
    g_autoptr(Result) incident = run (f, "incident", "add", "--help", NULL);
    const char *vuln_fields[] = { "--description", "--affected-versions", "--affected-components",
                                  "--discovery-source", "--impact", "--fix", "--fix-available-at",
                                  "--upstream-reported-at", "--upstream-recipient",
                                  "--upstream-reply", "--cve", "--cvss", "--component" };

    for (guint i = 0; i < G_N_ELEMENTS (vuln_fields); i++)
      g_assert_nonnull (strstr (vuln->out, vuln_fields[i]));
    g_assert_nonnull (strstr (incident->out, "--root-cause"));
    g_assert_null (strstr (incident->out, "--cvss"));
    g_assert_null (strstr (vuln->out, "--root-cause"));
  }

  g_assert_false (g_file_test (f->db, G_FILE_TEST_EXISTS));
}

/* Vulnerabilities */

static void
test_vuln_round_trip (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *product = add_product (f);
  g_autofree char *aware = iso_from_now (-3 * G_TIME_SPAN_HOUR);
  g_autofree char *id = NULL;
  g_autofree char *other = NULL;
  g_autoptr(JsonNode) shown = NULL;
  g_autoptr(JsonNode) changed = NULL;
  g_autoptr(JsonNode) list = NULL;
  g_autoptr(JsonNode) incidents = NULL;
  g_autoptr(JsonNode) added = NULL;
  g_autoptr(GDateTime) aware_time = parse_time (aware);
  g_autoptr(GDateTime) stored_time = NULL;

  id = run_id (f, "vuln", "add", product, "--title", "Heap overflow in the web interface",
               "--aware-at", aware, "--exploited", "--cve", "CVE-2026-12345",
               "--cvss", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
               "--description", "A long header overflows a buffer.",
               "--affected-versions", "2.0 to 2.4.1",
               "--discovery-source", "External researcher",
               "--upstream-recipient", "libexample maintainers",
               NULL);

  shown = show_case (f, id);
  g_assert_cmpstr (member_string (shown, "kind"), ==, "vulnerability");
  g_assert_cmpstr (member_string (shown, "title"), ==, "Heap overflow in the web interface");
  g_assert_cmpstr (member_string (shown, "reference"), ==, "CVE-2026-12345");
  g_assert_cmpstr (member_string (shown, "description"), ==, "A long header overflows a buffer.");
  g_assert_cmpstr (member_string (shown, "affected_versions"), ==, "2.0 to 2.4.1");
  g_assert_cmpstr (member_string (shown, "discovery_source"), ==, "External researcher");
  g_assert_cmpstr (member_string (shown, "upstream_recipient"), ==, "libexample maintainers");
  g_assert_true (member_bool (shown, "exploited"));
  g_assert_true (member_bool (shown, "reportable"));
  g_assert_cmpstr (member_string (shown, "status"), ==, "open");
  g_assert_cmpstr (member_string (shown, "cvss_severity"), ==, "CRITICAL");
  g_assert_cmpstr (member_string (shown, "product_name"), ==, "Smart Thermostat");
  g_assert_true (member_is_null (shown, "update"));
  /* Stored in UTC, the same moment as given. */
  stored_time = parse_time (member_string (shown, "aware_at"));
  g_assert_true (g_date_time_equal (stored_time, aware_time));
  /* An actively exploited vulnerability has its three reports to make. */
  g_assert_cmpuint (length (member (shown, "steps")), ==, 3);

  /* --reference is --cve by its field's name; --status, --not-exploited change the rest. */
  {
    g_autoptr(Result) result = run (f, "vuln", "set", id, "--reference", "CVE-2026-54321",
                                    "--not-exploited", "--status", "closed", NULL);

    assert_ok (result);
    g_assert_cmpstr (result->out, ==, "");
  }
  changed = show_case (f, id);
  g_assert_cmpstr (member_string (changed, "reference"), ==, "CVE-2026-54321");
  g_assert_false (member_bool (changed, "exploited"));
  g_assert_cmpstr (member_string (changed, "status"), ==, "closed");
  g_assert_cmpstr (member_string (changed, "description"), ==, "A long header overflows a buffer.");
  g_assert_cmpuint (length (member (changed, "steps")), ==, 0);

  /* --json on add prints the case. */
  added = run_json (f, "vuln", "add", product, "--title", "Second", "--aware-at", aware, NULL);
  other = g_strdup_printf ("%" G_GINT64_FORMAT, member_int (added, "id"));
  g_assert_cmpstr (other, !=, id);
  g_assert_cmpstr (member_string (added, "title"), ==, "Second");

  list = run_json (f, "vuln", "list", product, NULL);
  g_assert_cmpuint (length (list), ==, 2);
  incidents = run_json (f, "incident", "list", NULL);
  g_assert_cmpuint (length (incidents), ==, 0);

  {
    g_autoptr(Result) text = run (f, "vuln", "list", NULL);

    assert_ok (text);
    g_assert_nonnull (strstr (text->out, "Heap overflow"));
    g_assert_nonnull (strstr (text->out, "Second"));
  }

  /* Removed by mistake: gone. */
  {
    g_autoptr(Result) removed = run (f, "case", "remove", other, NULL);
    g_autoptr(Result) gone = run (f, "case", "show", other, NULL);

    assert_ok (removed);
    assert_refused (gone, 1, other);
  }
}

static void
test_vuln_refused (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *product = add_product (f);
  g_autofree char *aware = iso_from_now (-G_TIME_SPAN_HOUR);
  g_autofree char *future = iso_from_now (2 * G_TIME_SPAN_DAY);
  g_autofree char *incident = add_severe_incident (f, product, 1);
  g_autoptr(GBytes) before = read_db (f);
  struct
  {
    const char *args[12];
    int         status;
    const char *mentioned;
  } cases[] = {
    { { "vuln", "add", "99", "--title", "X", "--aware-at", aware, NULL }, 1, "99" },
    { { "vuln", "add", product, "--title", "X", "--aware-at", "2026-02-30T10:00Z", NULL },
      1, "2026-02-30T10:00Z" },
    { { "vuln", "add", product, "--title", "X", "--aware-at", future, NULL }, 1, "future" },
    { { "vuln", "add", product, "--title", "X", "--aware-at", aware, "--cvss",
        "CVSS:3.1/AV:Q/AC:L", NULL }, 1, "CVSS:3.1/AV:Q/AC:L" },
    { { "vuln", "add", product, "--aware-at", aware, NULL }, 2, "--title" },
    { { "vuln", "add", product, "--title", "X", "--aware-at", aware, "--status", "solved",
        NULL }, 2, "solved" },
    { { "vuln", "set", "99", "--status", "closed", NULL }, 1, "99" },
    { { "vuln", "set", incident, "--status", "closed", NULL }, 1, "incident set" },
    { { "vuln", "set", incident, NULL }, 2, "Nothing to change" },
    { { "vuln", "set", incident, "--exploited", "--not-exploited", NULL }, 2, "--not-exploited" },
    { { "case", "show", "99", NULL }, 1, "99" },
    { { "case", "remove", "99", NULL }, 1, "99" },
    { { "vuln", "list", "99", NULL }, 1, "99" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(Result) result = run_argv (f, cases[i].args);

      assert_refused (result, cases[i].status, cases[i].mentioned);
      assert_db_unchanged (f, before);
    }
}

/* The SBOM used for components, and its first component. */
static char *
sbom_file (void)
{
  return g_test_build_filename (G_TEST_DIST, "data", "sbom",
                                "cyclonedx-laravel-7.12.0_bom.1.4.json", NULL);
}

static JsonNode *
first_sbom_component (void)
{
  g_autofree char *path = sbom_file ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *components;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  components = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                             "components");

  return json_node_copy (json_array_get_element (components, 0));
}

static void
test_vuln_components (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *product = add_product (f);
  g_autofree char *sbom = sbom_file ();
  g_autofree char *aware = iso_from_now (-G_TIME_SPAN_HOUR);
  g_autoptr(JsonNode) component = first_sbom_component ();
  const char *name = member_string (component, "name");
  const char *version = member_string (component, "version");
  const char *purl = member_string (component, "purl");
  g_autofree char *upper = g_ascii_strup (name, -1);
  g_autofree char *with_version = g_strdup_printf ("%s@%s", name, version);
  g_autofree char *id = NULL;
  g_autoptr(JsonNode) shown = NULL;
  g_autoptr(GBytes) before = NULL;
  const char *affected;

  /* Without an SBOM, a component is recorded as given. */
  {
    g_autofree char *early = run_id (f, "vuln", "add", product, "--title", "Before the SBOM",
                                     "--aware-at", aware, "--component", "libfoo 1.0", NULL);
    g_autoptr(JsonNode) early_case = show_case (f, early);

    g_assert_cmpstr (member_string (early_case, "affected_components"), ==, "libfoo 1.0");
  }

  {
    g_autoptr(Result) imported = run (f, "sbom", "import", product, sbom, NULL);

    assert_ok (imported);
  }

  /* By name (in any case), then the same by NAME@VERSION: recorded once, with
   * version and package URL. */
  id = run_id (f, "vuln", "add", product, "--title", "Flaw in a dependency", "--aware-at", aware,
               "--component", upper, NULL);
  {
    g_autoptr(Result) again = run (f, "vuln", "set", id, "--component", with_version,
                                   "--component", purl, NULL);

    assert_ok (again);
  }
  shown = show_case (f, id);
  affected = member_string (shown, "affected_components");
  g_assert_nonnull (strstr (affected, name));
  g_assert_nonnull (strstr (affected, version));
  g_assert_nonnull (strstr (affected, purl));
  g_assert_null (strchr (affected, '\n'));

  /* A component the SBOM does not list is refused, naming it. */
  before = read_db (f);
  {
    g_autoptr(Result) add = run (f, "vuln", "add", product, "--title", "X", "--aware-at", aware,
                                 "--component", "no-such-component", NULL);
    g_autoptr(Result) set = run (f, "vuln", "set", id, "--component", "no-such-component", NULL);

    assert_refused (add, 1, "no-such-component");
    assert_refused (set, 1, "no-such-component");
  }
  assert_db_unchanged (f, before);
}

/* Incidents */

static void
test_incident_round_trip (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *product = add_product (f);
  g_autofree char *id = add_severe_incident (f, product, 2);
  g_autoptr(JsonNode) shown = show_case (f, id);
  g_autoptr(JsonNode) changed = NULL;
  g_autoptr(JsonNode) list = NULL;
  g_autoptr(GBytes) before = NULL;

  g_assert_cmpstr (member_string (shown, "kind"), ==, "incident");
  g_assert_true (member_bool (shown, "severe"));
  g_assert_cmpstr (member_string (shown, "suspected"), ==, "yes");
  g_assert_false (json_object_has_member (json_node_get_object (shown), "cvss_vector"));

  {
    g_autoptr(Result) result = run (f, "incident", "set", id, "--suspected", "no",
                                    "--root-cause", "A reused password", "--status", "mitigated",
                                    NULL);

    assert_ok (result);
  }
  changed = show_case (f, id);
  g_assert_cmpstr (member_string (changed, "suspected"), ==, "no");
  g_assert_cmpstr (member_string (changed, "root_cause"), ==, "A reused password");
  g_assert_cmpstr (member_string (changed, "status"), ==, "mitigated");

  list = run_json (f, "incident", "list", product, NULL);
  g_assert_cmpuint (length (list), ==, 1);

  before = read_db (f);
  {
    g_autoptr(Result) bad = run (f, "incident", "set", id, "--suspected", "perhaps", NULL);
    g_autoptr(Result) vuln_option = run (f, "incident", "set", id, "--cvss",
                                         "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", NULL);
    g_autoptr(Result) unknown = run (f, "incident", "add", "42", "--title", "X",
                                     "--aware-at", "2026-01-01T00:00Z", NULL);

    assert_refused (bad, 2, "perhaps");
    assert_refused (vuln_option, 2, "--cvss");
    assert_refused (unknown, 1, "42");
  }
  assert_db_unchanged (f, before);
}

/* Deadlines */

static void
test_deadlines (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *product = NULL;
  g_autofree char *vuln = NULL;
  g_autofree char *incident = NULL;
  g_autofree char *harmless = NULL;
  g_autofree char *aware = iso_from_now (-G_TIME_SPAN_HOUR);
  g_autofree char *sent_at = iso_from_now (-10 * G_TIME_SPAN_MINUTE);
  g_autoptr(JsonNode) deadlines = NULL;
  g_autoptr(JsonNode) after = NULL;
  g_autoptr(JsonNode) all = NULL;
  g_autoptr(GDateTime) sent_time = parse_time (sent_at);
  g_autoptr(GDateTime) expected = g_date_time_add_months (sent_time, 1);
  g_autoptr(GDateTime) due = NULL;
  JsonNode *step;

  add_manufacturer (f, TRUE);
  product = add_product (f);
  /* Became aware of it two days ago: its early warning is long overdue. */
  vuln = add_exploited (f, product, 48);
  incident = add_severe_incident (f, product, 1);
  harmless = run_id (f, "vuln", "add", product, "--title", "Not exploited", "--aware-at", aware,
                     NULL);

  deadlines = run_json (f, "deadlines", NULL);
  /* Three steps of each reportable case, none of the other. */
  g_assert_cmpuint (length (deadlines), ==, 6);
  for (guint i = 0; i < length (deadlines); i++)
    {
      g_autofree char *case_id = g_strdup_printf ("%" G_GINT64_FORMAT,
                                                  member_int (element (deadlines, i), "case"));

      g_assert_cmpstr (case_id, !=, harmless);
      g_assert_cmpstr (member_string (element (deadlines, i), "product_name"), ==,
                       "Smart Thermostat");
    }

  /* Soonest first; those without a due time last. */
  for (guint i = 1; i < length (deadlines); i++)
    {
      JsonNode *previous = element (deadlines, i - 1);
      JsonNode *current = element (deadlines, i);

      if (member_is_null (current, "due"))
        continue;
      g_assert_false (member_is_null (previous, "due"));
      g_assert_cmpstr (member_string (previous, "due"), <=, member_string (current, "due"));
    }

  step = find_step (deadlines, vuln, "early-warning");
  g_assert_true (member_bool (step, "overdue"));
  g_assert_cmpstr (member_string (step, "kind"), ==, "vulnerability");
  g_assert_true (member_is_null (step, "reason"));
  g_assert_true (member_is_null (step, "sent"));
  g_assert_cmpstr (member_string (element (deadlines, 0), "step"), ==, "early-warning");
  g_assert_cmpint (member_int (element (deadlines, 0), "case"), ==,
                   g_ascii_strtoll (vuln, NULL, 10));

  step = find_step (deadlines, incident, "early-warning");
  g_assert_false (member_bool (step, "overdue"));

  /* No fix yet: the vulnerability's final report has no due time, and says why. */
  step = find_step (deadlines, vuln, "final-report");
  g_assert_true (member_is_null (step, "due"));
  g_assert_cmpstr (member_string (step, "reason"), !=, "");
  g_assert_false (member_bool (step, "overdue"));

  /* The text shows the overdue step and the times. */
  {
    g_autoptr(Result) text = run (f, "deadlines", product, NULL);

    assert_ok (text);
    g_assert_nonnull (strstr (text->out, "Overdue by"));
    g_assert_nonnull (strstr (text->out, "UTC"));
  }

  /* The incident notification submitted: its final report is due a month later. */
  {
    g_autoptr(Result) result = run (f, "mark-sent", incident, "--step", "notification",
                                    "--at", sent_at, "--reference", "CSIRT-2026-0042", NULL);

    assert_ok (result);
    g_assert_cmpstr (result->out, ==, "");
  }
  after = run_json (f, "deadlines", NULL);
  g_assert_cmpuint (length (after), ==, 5);
  step = find_step (after, incident, "final-report");
  due = parse_time (member_string (step, "due"));
  g_assert_true (g_date_time_equal (due, expected));

  /* --all lists the submitted step, with when, to whom and the reference. */
  all = run_json (f, "deadlines", "--all", NULL);
  g_assert_cmpuint (length (all), ==, 6);
  step = member (find_step (all, incident, "notification"), "sent");
  g_assert_cmpstr (member_string (step, "to"), ==, CSIRT);
  g_assert_cmpstr (member_string (step, "reference"), ==, "CSIRT-2026-0042");
  {
    g_autoptr(GDateTime) at = parse_time (member_string (step, "at"));

    g_assert_true (g_date_time_equal (at, sent_time));
  }
  g_assert_false (member_is_null (step, "report_sha256"));

  /* One product's deadlines; an unknown one refused. */
  {
    g_autoptr(JsonNode) one = run_json (f, "deadlines", product, NULL);
    g_autoptr(Result) unknown = run (f, "deadlines", "77", NULL);

    g_assert_cmpuint (length (one), ==, 5);
    assert_refused (unknown, 1, "77");
  }
}

/* mark-sent */

/* The report text kept with a submitted step, read from the database. */
static char *
stored_report (Fixture    *f,
               const char *case_id,
               const char *step)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *text = NULL;

  g_assert_cmpint (sqlite3_open_v2 (f->db, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT report_text FROM case_step"
                                           " WHERE case_id = ? AND step = ?", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, g_ascii_strtoll (case_id, NULL, 10));
  sqlite3_bind_text (stmt, 2, step, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_text (stmt, 0) != NULL)
    text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return text;
}

static void
test_mark_sent (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *product = NULL;
  g_autofree char *vuln = NULL;
  g_autofree char *harmless = NULL;
  g_autofree char *aware = iso_from_now (-3 * G_TIME_SPAN_HOUR);
  g_autofree char *sent_at = iso_from_now (-G_TIME_SPAN_HOUR);
  g_autofree char *before_aware = iso_from_now (-4 * G_TIME_SPAN_HOUR);
  g_autofree char *future = iso_from_now (G_TIME_SPAN_DAY);
  g_autofree char *text = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(JsonNode) shown = NULL;
  JsonNode *sent;

  add_manufacturer (f, FALSE);
  product = add_product (f);
  vuln = run_id (f, "vuln", "add", product, "--title", "Heap overflow in the web interface",
                 "--aware-at", aware, "--exploited", NULL);
  harmless = run_id (f, "vuln", "add", product, "--title", "Not exploited", "--aware-at", aware,
                     NULL);

  before = read_db (f);
  {
    struct
    {
      const char *args[12];
      int         status;
      const char *mentioned;
    } cases[] = {
      /* No --to, and no CSIRT recorded for the manufacturer. */
      { { "mark-sent", vuln, "--step", "early-warning", "--at", sent_at, NULL }, 2, "--csirt" },
      { { "mark-sent", vuln, "--step", "early-warnings", "--at", sent_at, "--to", CSIRT, NULL },
        2, "early-warnings" },
      { { "mark-sent", vuln, "--step", "early-warning", "--to", CSIRT, NULL }, 2, "--at" },
      { { "mark-sent", harmless, "--step", "early-warning", "--at", sent_at, "--to", CSIRT,
          NULL }, 1, "exploited" },
      { { "mark-sent", vuln, "--step", "early-warning", "--at", before_aware, "--to", CSIRT,
          NULL }, 1, "aware" },
      { { "mark-sent", vuln, "--step", "early-warning", "--at", future, "--to", CSIRT, NULL },
        1, "future" },
      { { "mark-sent", vuln, "--step", "early-warning", "--at", "2026-13-01T00:00Z", "--to",
          CSIRT, NULL }, 1, "2026-13-01T00:00Z" },
      { { "mark-sent", "99", "--step", "early-warning", "--at", sent_at, "--to", CSIRT, NULL },
        1, "99" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        g_autoptr(Result) result = run_argv (f, cases[i].args);

        assert_refused (result, cases[i].status, cases[i].mentioned);
        assert_db_unchanged (f, before);
      }
  }

  /* With the CSIRT recorded, --to is not needed. */
  {
    g_autoptr(Result) csirt = run (f, "manufacturer", "set", "--csirt", CSIRT, NULL);
    g_autoptr(Result) result = run (f, "mark-sent", vuln, "--step", "early-warning",
                                    "--at", sent_at, NULL);

    assert_ok (csirt);
    assert_ok (result);
  }
  shown = show_case (f, vuln);
  sent = member (element (member (shown, "steps"), 0), "sent");
  g_assert_cmpstr (member_string (sent, "to"), ==, CSIRT);
  g_assert_true (member_is_null (sent, "reference"));
  g_assert_cmpstr (member_string (sent, "recorded_by"), ==, ACTOR);

  /* What was sent is kept: the early warning as prepared, naming the case. */
  text = stored_report (f, vuln, "early-warning");
  g_assert_nonnull (text);
  g_assert_nonnull (strstr (text, "Heap overflow in the web interface"));

  /* Recorded once; and a case with a submitted report stays. */
  g_clear_pointer (&before, g_bytes_unref);
  before = read_db (f);
  {
    g_autoptr(Result) twice = run (f, "mark-sent", vuln, "--step", "early-warning",
                                   "--at", sent_at, "--to", "Another CSIRT", NULL);
    g_autoptr(Result) removed = run (f, "case", "remove", vuln, NULL);

    assert_refused (twice, 1, "already");
    assert_refused (removed, 1, vuln);
  }
  assert_db_unchanged (f, before);
}

/* report */

static void
test_report (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *product = NULL;
  g_autofree char *vuln = NULL;
  g_autofree char *incident = NULL;
  g_autofree char *harmless = NULL;
  g_autofree char *aware = iso_from_now (-G_TIME_SPAN_HOUR);
  g_autofree char *pdf_path = g_build_filename (f->dir, "early-warning.pdf", NULL);
  g_autofree char *text_path = g_build_filename (f->dir, "early-warning.txt", NULL);
  g_autofree char *missing_folder = g_build_filename (f->dir, "no-such-folder", "r.pdf", NULL);
  g_autofree char *pdf = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GBytes) before = NULL;
  gsize pdf_length = 0;

  add_manufacturer (f, TRUE);
  product = add_product (f);
  vuln = add_exploited (f, product, 2);
  incident = add_severe_incident (f, product, 2);
  harmless = run_id (f, "vuln", "add", product, "--title", "Not exploited", "--aware-at", aware,
                     NULL);

  /* The incident's early warning says whether unlawful or malicious acts are
   * suspected (Article 14(4)(a)); the vulnerability's has no such item. */
  {
    g_autoptr(Result) vuln_report = run (f, "report", vuln, "--step", "early-warning", NULL);
    g_autoptr(Result) incident_report = run (f, "report", incident, "--step", "early-warning",
                                             NULL);

    assert_ok (vuln_report);
    assert_ok (incident_report);
    g_assert_nonnull (strstr (vuln_report->out, "Heap overflow in the web interface"));
    g_assert_nonnull (strstr (incident_report->out, "Update server compromised"));
    g_assert_nonnull (strstr (incident_report->out, "unlawful or malicious"));
    g_assert_null (strstr (vuln_report->out, "unlawful or malicious"));
    /* The CSIRT it goes to. */
    g_assert_nonnull (strstr (vuln_report->out, CSIRT));
  }

  /* As a PDF and as text, to files. */
  {
    g_autoptr(Result) result = run (f, "report", vuln, "--step", "notification",
                                    "--out", pdf_path, "--text", text_path, NULL);

    assert_ok (result);
    g_assert_cmpstr (result->out, ==, "");
  }
  g_assert_true (g_file_get_contents (pdf_path, &pdf, &pdf_length, NULL));
  g_assert_cmpuint (pdf_length, >, 4);
  g_assert_true (memcmp (pdf, "%PDF", 4) == 0);
  g_assert_true (g_file_get_contents (text_path, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "Heap overflow in the web interface"));

  /* Information to users can be drafted for any case. */
  {
    g_autoptr(Result) users = run (f, "report", harmless, "--step", "user-information", NULL);

    assert_ok (users);
    g_assert_nonnull (strstr (users->out, "Smart Thermostat"));
  }

  before = read_db (f);
  {
    g_autoptr(Result) typo = run (f, "report", vuln, "--step", "early_warning", NULL);
    g_autoptr(Result) no_step = run (f, "report", vuln, NULL);
    g_autoptr(Result) not_exploited = run (f, "report", harmless, "--step", "early-warning", NULL);
    g_autoptr(Result) unknown = run (f, "report", "99", "--step", "early-warning", NULL);
    g_autoptr(Result) no_folder = run (f, "report", vuln, "--step", "early-warning",
                                       "--out", missing_folder, NULL);

    assert_refused (typo, 2, "early_warning");
    assert_refused (no_step, 2, "--step");
    assert_refused (not_exploited, 1, "exploited");
    assert_refused (unknown, 1, "99");
    assert_refused (no_folder, 1, "no-such-folder");
  }
  assert_db_unchanged (f, before);
}

/* Security updates */

static void
test_updates (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *product = add_product (f);
  g_autofree char *other_product = run_id (f, "product", "add", "--name", "Gateway",
                                           "--model", "GW-1", NULL);
  g_autofree char *vuln = add_exploited (f, product, 30);
  g_autofree char *incident = add_severe_incident (f, product, 2);
  g_autofree char *released = iso_from_now (0);
  g_autofree char *update = NULL;
  g_autoptr(JsonNode) list = NULL;
  g_autoptr(JsonNode) shown = NULL;
  g_autoptr(GBytes) before = NULL;
  JsonNode *fixes;
  JsonNode *step;

  released[10] = '\0';   /* today, YYYY-MM-DD */
  update = run_id (f, "update", "add", product, "--version", "2.4.2", "--released", released,
                   "--fixes", vuln, "--notes", "Fixes the heap overflow.", NULL);

  list = run_json (f, "update", "list", product, NULL);
  g_assert_cmpuint (length (list), ==, 1);
  g_assert_cmpstr (member_string (element (list, 0), "version"), ==, "2.4.2");
  g_assert_cmpstr (member_string (element (list, 0), "released_on"), ==, released);
  fixes = member (element (list, 0), "fixes");
  g_assert_cmpuint (length (fixes), ==, 1);
  g_assert_cmpint (json_array_get_int_element (json_node_get_array (fixes), 0), ==,
                   g_ascii_strtoll (vuln, NULL, 10));

  /* The case knows its fix: the final report's 14 days have started. */
  shown = show_case (f, vuln);
  g_assert_cmpint (member_int (member (shown, "update"), "id"), ==,
                   g_ascii_strtoll (update, NULL, 10));
  g_assert_cmpstr (member_string (shown, "status"), ==, "mitigated");
  g_assert_false (member_is_null (shown, "fix_available_at"));
  step = find_step (member (shown, "steps"), vuln, "final-report");
  g_assert_false (member_is_null (step, "due"));

  {
    g_autoptr(Result) text = run (f, "update", "list", product, NULL);

    assert_ok (text);
    g_assert_nonnull (strstr (text->out, "2.4.2"));
  }

  before = read_db (f);
  {
    g_autoptr(Result) incident_fix = run (f, "update", "add", product, "--version", "2.4.3",
                                          "--released", released, "--fixes", incident, NULL);
    g_autoptr(Result) other_fix = run (f, "update", "add", other_product, "--version", "1.0.1",
                                       "--released", released, "--fixes", vuln, NULL);
    g_autoptr(Result) twice = run (f, "update", "add", product, "--version", "2.4.2",
                                   "--released", released, NULL);
    g_autoptr(Result) bad_date = run (f, "update", "add", product, "--version", "2.4.4",
                                      "--released", "2026-02-30", NULL);
    g_autoptr(Result) bad_fixes = run (f, "update", "add", product, "--version", "2.4.4",
                                       "--released", released, "--fixes", "3,x", NULL);
    g_autoptr(Result) unknown = run (f, "update", "add", "99", "--version", "1",
                                     "--released", released, NULL);
    g_autoptr(Result) no_version = run (f, "update", "add", product, "--released", released,
                                        NULL);

    assert_refused (incident_fix, 1, incident);
    assert_refused (other_fix, 1, vuln);
    assert_refused (twice, 1, "2.4.2");
    assert_refused (bad_date, 1, "2026-02-30");
    assert_refused (bad_fixes, 2, "x");
    assert_refused (unknown, 1, "99");
    assert_refused (no_version, 2, "--version");
  }
  assert_db_unchanged (f, before);
}

/* CSAF and VEX: the JSON parses (its schema is checked by the core's tests). */

static JsonNode *
parse_file (const char *path)
{
  g_autofree char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  return parse_json (contents);
}

static void
test_csaf_vex (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *product = NULL;
  g_autofree char *vuln = NULL;
  g_autofree char *incident = NULL;
  g_autofree char *csaf_path = g_build_filename (f->dir, "advisory.json", NULL);
  g_autofree char *vex_path = g_build_filename (f->dir, "vex.json", NULL);
  g_autofree char *aware = iso_from_now (-2 * G_TIME_SPAN_DAY);
  g_autoptr(GBytes) before = NULL;

  add_manufacturer (f, TRUE);
  {
    g_autoptr(Result) website = run (f, "manufacturer", "set", "--website",
                                     "https://example.com", NULL);

    assert_ok (website);
  }
  product = add_product (f);
  vuln = run_id (f, "vuln", "add", product, "--title", "Heap overflow in the web interface",
                 "--aware-at", aware, "--exploited", "--cve", "CVE-2026-12345",
                 "--cvss", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
                 "--affected-versions", "2.4.1", NULL);
  incident = add_severe_incident (f, product, 2);

  /* To stdout, then to a file: the same document. */
  {
    g_autoptr(Result) printed = run (f, "csaf", vuln, NULL);
    g_autoptr(Result) written = run (f, "csaf", vuln, "--out", csaf_path, NULL);
    g_autoptr(JsonNode) advisory = NULL;
    g_autoptr(JsonNode) from_file = NULL;

    assert_ok (printed);
    assert_ok (written);
    g_assert_cmpstr (written->out, ==, "");
    advisory = parse_json (printed->out);
    from_file = parse_file (csaf_path);
    g_assert_true (JSON_NODE_HOLDS_OBJECT (advisory));
    g_assert_true (JSON_NODE_HOLDS_OBJECT (from_file));
    g_assert_nonnull (strstr (printed->out, "CVE-2026-12345"));
  }

  {
    g_autoptr(Result) printed = run (f, "vex", product, NULL);
    g_autoptr(Result) written = run (f, "vex", product, "--out", vex_path, NULL);
    g_autoptr(JsonNode) vex = NULL;
    g_autoptr(JsonNode) from_file = NULL;

    assert_ok (printed);
    assert_ok (written);
    vex = parse_json (printed->out);
    from_file = parse_file (vex_path);
    g_assert_true (JSON_NODE_HOLDS_OBJECT (vex));
    g_assert_true (JSON_NODE_HOLDS_OBJECT (from_file));
    g_assert_nonnull (strstr (printed->out, "CVE-2026-12345"));
  }

  before = read_db (f);
  {
    g_autoptr(Result) unknown_case = run (f, "csaf", "99", NULL);
    g_autoptr(Result) of_incident = run (f, "csaf", incident, NULL);
    g_autoptr(Result) unknown_product = run (f, "vex", "99", NULL);

    assert_refused (unknown_case, 1, "99");
    assert_refused (of_incident, 1, "incident");
    assert_refused (unknown_product, 1, "99");
  }
  assert_db_unchanged (f, before);
}

/* What issue 9 added to the manufacturer and the product */

static char *
date_from_today (int months)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) then = g_date_time_add_months (now, months);

  return g_date_time_format (then, "%Y-%m-%d");
}

static void
test_support_period (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *product = add_product (f);
  g_autofree char *soon = date_from_today (6);
  g_autofree char *later = date_from_today (60);
  g_autoptr(JsonNode) manufacturer = NULL;
  g_autoptr(JsonNode) ending = NULL;
  g_autoptr(JsonNode) lasting = NULL;
  g_autoptr(JsonNode) unknown = NULL;

  add_manufacturer (f, TRUE);
  manufacturer = run_json (f, "manufacturer", "show", NULL);
  g_assert_cmpstr (member_string (manufacturer, "main_establishment"), ==, "PL");
  g_assert_cmpstr (member_string (manufacturer, "csirt"), ==, CSIRT);

  unknown = run_json (f, "product", "show", product, NULL);
  g_assert_nonnull (strstr (member_string (unknown, "member_states"), "DE"));
  g_assert_nonnull (strstr (member_string (unknown, "member_states"), "FR"));
  g_assert_true (member_is_null (unknown, "security_updates_until"));

  {
    g_autoptr(Result) result = run (f, "product", "set", product, "--support-end", soon, NULL);
    g_autoptr(Result) text = NULL;

    assert_ok (result);
    text = run (f, "product", "show", product, NULL);
    assert_ok (text);
    g_assert_nonnull (strstr (text->out, "Security updates until"));
    g_assert_nonnull (strstr (text->out, soon));
    g_assert_nonnull (strstr (text->out, "Warning"));
  }
  ending = run_json (f, "product", "show", product, NULL);
  g_assert_cmpstr (member_string (ending, "security_updates_until"), ==, soon);
  g_assert_false (member_is_null (ending, "support_warning"));

  {
    g_autoptr(Result) result = run (f, "product", "set", product, "--support-end", later, NULL);
    g_autoptr(Result) text = NULL;

    assert_ok (result);
    text = run (f, "product", "show", product, NULL);
    g_assert_null (strstr (text->out, "Warning"));
  }
  lasting = run_json (f, "product", "show", product, NULL);
  g_assert_cmpstr (member_string (lasting, "security_updates_until"), ==, later);
  g_assert_true (member_is_null (lasting, "support_warning"));

  /* A code that names no Member State is refused, naming it. */
  {
    g_autoptr(GBytes) before = read_db (f);
    g_autoptr(Result) bad_state = run (f, "product", "set", product, "--member-states", "DE, XY",
                                       NULL);
    g_autoptr(Result) bad_establishment = run (f, "manufacturer", "set",
                                               "--main-establishment", "US", NULL);

    assert_refused (bad_state, 1, "XY");
    assert_refused (bad_establishment, 1, "US");
    assert_db_unchanged (f, before);
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/cli-vuln/help", test_help);
  ADD ("/cli-vuln/vuln/round-trip", test_vuln_round_trip);
  ADD ("/cli-vuln/vuln/refused", test_vuln_refused);
  ADD ("/cli-vuln/vuln/components", test_vuln_components);
  ADD ("/cli-vuln/incident/round-trip", test_incident_round_trip);
  ADD ("/cli-vuln/deadlines", test_deadlines);
  ADD ("/cli-vuln/mark-sent", test_mark_sent);
  ADD ("/cli-vuln/report", test_report);
  ADD ("/cli-vuln/updates", test_updates);
  ADD ("/cli-vuln/csaf-vex", test_csaf_vex);
  ADD ("/cli-vuln/support-period", test_support_period);
#undef ADD

  return g_test_run ();
}
