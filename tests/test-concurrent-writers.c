/* test-concurrent-writers.c — two conformity-cli processes writing the same
 * project database at once: neither is turned away because the other holds
 * it, and no write of either is lost, not even a change of one field of a
 * record (product, manufacturer, declaration details, information for
 * users, context of the risk assessment, a requirement's assessment, a
 * threat, an item of evidence, a vulnerability, an incident) while another
 * field changes
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each writer is a thread of this test that runs the CLI again and again,
 * so that two processes are at work at almost every moment.
 */
#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "cf-store.h"
#include "cli-harness.h"

#define SMALL_FILES 25
#define RACE_SETS 40
#define LARGE_FILES 4
#define LARGE_SIZE (10 * 1024 * 1024)

typedef struct _Writer Writer;

struct _Writer
{
  Fixture   *f;
  guint      n;
  /* The i-th command, without --db and --actor. */
  GStrv    (*command) (Writer *w,
                       guint   i);
  gpointer   data;
  GPtrArray *failures;   /* stderr of every command that did not succeed */
  GThread   *thread;
};

static gpointer
writer_thread (gpointer data)
{
  Writer *w = data;

  for (guint i = 0; i < w->n; i++)
    {
      g_auto(GStrv) args = w->command (w, i);
      g_autoptr(Result) result = run_argv (w->f, (const char * const *) args);

      if (result->status != 0)
        g_ptr_array_add (w->failures, g_strdup_printf ("%s %s: %s", args[0], args[1], result->err));
    }

  return NULL;
}

static void
start (Writer     *w,
       const char *name)
{
  w->failures = g_ptr_array_new_with_free_func (g_free);
  w->thread = g_thread_new (name, writer_thread, w);
}

/* Every command of the writer succeeded: none met "database is locked". */
static void
finish (Writer *w)
{
  g_thread_join (w->thread);
  for (guint i = 0; i < w->failures->len; i++)
    g_printerr ("%s", (char *) g_ptr_array_index (w->failures, i));
  g_assert_cmpuint (w->failures->len, ==, 0);
  g_ptr_array_unref (w->failures);
}

static char *
write_file (Fixture    *f,
            const char *name,
            const void *data,
            gsize       size)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (f->dir, name, NULL);

  g_file_set_contents (path, data, (gssize) size, &error);
  g_assert_no_error (error);

  return path;
}

static char *
sha256_of (const char *path)
{
  g_autofree char *content = NULL;
  gsize size;

  g_assert_true (g_file_get_contents (path, &content, &size, NULL));

  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) content, size);
}

/* The product's evidence as the CLI lists it: file name → SHA-256. */
static GHashTable *
list_evidence (Fixture *f,
               guint   *n_items)
{
  g_autoptr(JsonNode) root = run_json (f, "evidence", "list", "1", NULL);
  JsonArray *items = json_node_get_array (root);
  GHashTable *by_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  *n_items = json_array_get_length (items);
  for (guint i = 0; i < *n_items; i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);
      const char *name = json_object_get_string_member (item, "file_name");
      const char *sha256 = json_object_get_string_member (item, "sha256");

      /* Items of the same file must agree on its content. */
      if (g_hash_table_contains (by_name, name))
        g_assert_cmpstr (g_hash_table_lookup (by_name, name), ==, sha256);
      g_hash_table_insert (by_name, g_strdup (name), g_strdup (sha256));
    }

  return by_name;
}

static void
assert_stored (GHashTable *items,
               const char *path)
{
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *sha256 = sha256_of (path);

  g_assert_cmpstr (g_hash_table_lookup (items, name), ==, sha256);
}

/* Two writers adding small files */

static GStrv
add_small_file (Writer *w,
                guint   i)
{
  const char *prefix = w->data;
  g_autofree char *name = g_strdup_printf ("%s-%02u.txt", prefix, i);
  g_autofree char *text = g_strdup_printf ("Test log %s, run %u\n", prefix, i);
  g_autofree char *path = write_file (w->f, name, text, strlen (text));
  GStrvBuilder *builder = g_strv_builder_new ();
  GStrv args;

  g_strv_builder_add_many (builder, "evidence", "add", "1", path, "--kind", "test-report", NULL);
  args = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);

  return args;
}

static void
test_evidence (Fixture       *f,
               gconstpointer  data)
{
  Writer a = { f, SMALL_FILES, add_small_file, (gpointer) "a" };
  Writer b = { f, SMALL_FILES, add_small_file, (gpointer) "b" };
  g_autoptr(GHashTable) items = NULL;
  g_autofree char *id = run_id (f, "product add", "--name", "Router", "--model", "R-1", NULL);
  guint n_items;

  g_assert_cmpstr (id, ==, "1");
  start (&a, "writer-a");
  start (&b, "writer-b");
  finish (&a);
  finish (&b);

  /* Every add is there, once, with its own content. */
  assert_integrity (f->db);
  items = list_evidence (f, &n_items);
  g_assert_cmpuint (n_items, ==, 2 * SMALL_FILES);
  g_assert_cmpuint (g_hash_table_size (items), ==, 2 * SMALL_FILES);
  for (guint i = 0; i < SMALL_FILES; i++)
    for (const char *prefix = "a"; prefix != NULL; prefix = g_str_equal (prefix, "a") ? "b" : NULL)
      {
        g_autofree char *name = g_strdup_printf ("%s-%02u.txt", prefix, i);
        g_autofree char *path = g_build_filename (f->dir, name, NULL);

        assert_stored (items, path);
      }
}

/* Records the CLI changes field by field: two writers changing different
 * fields of one of them at once must both be kept */

#define REQUIREMENT "AnnexI.PartI.2.a"

typedef struct
{
  const char *name;
  const char *setup[14];     /* run after adding product 1, to start from a stored record */
  void      (*prepare) (Fixture *f);   /* or this, for a record made from a file */
  const char *set[5];        /* changes the fields given after it */
  const char *action;        /* what the audit log calls its change */
  const char *fields[2];     /* one for each writer */
  /* What the audit log names for each; NULL: the field. Ending in "=": the
   * value follows. */
  const char *details[2];
  /* The i-th value of a field; NULL: "FIELD-i". */
  char     *(*dup_value) (const char        *field,
                          guint              i);
  /* The value stored now; NULL: the field of the record get() reads. */
  char     *(*dup_stored) (CfStore           *store,
                           const char        *field);
  /* NULL: not a CfRecord */
  gboolean  (*edit) (CfStore           *store,
                     CfRecordEditFunc   edit,
                     gpointer           user_data,
                     GError           **error);
  CfRecord *(*get)  (CfStore           *store,
                     GError           **error);
} Kind;

static gboolean
edit_product (CfStore *store, CfRecordEditFunc edit, gpointer user_data, GError **error)
{
  return cf_store_edit_product (store, 1, edit, user_data, error);
}

static CfRecord *
get_product (CfStore *store, GError **error)
{
  return (CfRecord *) cf_store_get_product (store, 1, error);
}

static gboolean
edit_manufacturer (CfStore *store, CfRecordEditFunc edit, gpointer user_data, GError **error)
{
  return cf_store_edit_manufacturer (store, edit, user_data, error);
}

static CfRecord *
get_manufacturer (CfStore *store, GError **error)
{
  return (CfRecord *) cf_store_get_manufacturer (store, error);
}

static gboolean
edit_declaration (CfStore *store, CfRecordEditFunc edit, gpointer user_data, GError **error)
{
  return cf_store_edit_declaration_info (store, 1, edit, user_data, error);
}

static CfRecord *
get_declaration (CfStore *store, GError **error)
{
  return (CfRecord *) cf_store_get_declaration_info (store, 1, error);
}

static gboolean
edit_user_information (CfStore *store, CfRecordEditFunc edit, gpointer user_data, GError **error)
{
  return cf_store_edit_user_information (store, 1, edit, user_data, error);
}

static CfRecord *
get_user_information (CfStore *store, GError **error)
{
  return (CfRecord *) cf_store_get_user_information (store, 1, error);
}

static gboolean
edit_context (CfStore *store, CfRecordEditFunc edit, gpointer user_data, GError **error)
{
  return cf_store_edit_assessment_context (store, 1, edit, user_data, error);
}

static CfRecord *
get_context (CfStore *store, GError **error)
{
  return (CfRecord *) cf_store_get_assessment_context (store, 1, error);
}

static char *
dup_assessment_value (CfStore    *store,
                      const char *field)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfRequirementAssessment) assessment =
    cf_store_get_requirement_assessment (store, 1, REQUIREMENT, &error);

  g_assert_no_error (error);
  g_assert_nonnull (assessment);
  if (g_str_equal (field, "measures"))
    return g_strdup (assessment->measures);

  g_assert_cmpstr (field, ==, "standard");
  g_assert_cmpuint (g_strv_length (assessment->standards), ==, 1);
  return g_strdup (assessment->standards[0]);
}

static char *
dup_threat_value (CfStore    *store,
                  const char *field)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfThreat) threat = cf_store_get_threat (store, 1, 1, &error);

  g_assert_no_error (error);
  if (g_str_equal (field, "title"))
    return g_strdup (cf_threat_get_title (threat));

  g_assert_cmpstr (field, ==, "mitigations");
  return g_strdup (cf_threat_get_mitigations (threat));
}

/* An item of evidence to change: id 1. */
static void
add_evidence (Fixture *f)
{
  g_autofree char *path = write_file (f, "audit.txt", "Audit report\n", 13);
  g_autofree char *id = run_id (f, "evidence", "add", "1", path, "--title", "Audit", NULL);

  g_assert_cmpstr (id, ==, "1");
}

static char *
dup_evidence_value (CfStore    *store,
                    const char *field)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfEvidence) evidence = cf_store_get_evidence (store, 1, &error);

  g_assert_no_error (error);
  if (g_str_equal (field, "title"))
    return g_strdup (cf_evidence_get_title (evidence));

  g_assert_cmpstr (field, ==, "valid-until");
  return g_strdup (cf_evidence_get_valid_until (evidence));
}

/* A validity date is a date: a different one for each run. */
static char *
dup_evidence_field_value (const char *field,
                          guint       i)
{
  if (g_str_equal (field, "valid-until"))
    return g_strdup_printf ("2030-%02u-%02u", i / 28 + 1, i % 28 + 1);

  return g_strdup_printf ("%s-%u", field, i);
}

static gboolean
edit_case (CfStore *store, CfRecordEditFunc edit, gpointer user_data, GError **error)
{
  return cf_store_edit_case (store, 1, edit, user_data, error);
}

static CfRecord *
get_case (CfStore *store, GError **error)
{
  return (CfRecord *) cf_store_get_case (store, 1, error);
}

static const Kind kinds[] = {
  { "product", { NULL }, NULL, { "product", "set", "1" }, "product.update",
    { "model", "version" }, { NULL }, NULL, NULL, edit_product, get_product },
  { "manufacturer", { "manufacturer", "set", "--name", "Zakład", "--address", "Łódź" }, NULL,
    { "manufacturer", "set" }, "manufacturer.update",
    { "name", "csirt" }, { NULL }, NULL, NULL, edit_manufacturer, get_manufacturer },
  { "declaration", { NULL }, NULL, { "declaration", "set", "1" }, "declaration-info.update",
    { "place-of-issue", "signatory-name" }, { NULL }, NULL, NULL, edit_declaration,
    get_declaration },
  { "user-info", { NULL }, NULL, { "user-info", "set", "1" }, "user-information.update",
    { "support-type", "secure-use" }, { NULL }, NULL, NULL, edit_user_information,
    get_user_information },
  { "assess-context", { NULL }, NULL, { "assess", "context", "1" }, "assessment-context.update",
    { "intended-purpose", "operational-environment" }, { NULL }, NULL, NULL, edit_context,
    get_context },
  { "assess-set", { "assess", "set", "1", REQUIREMENT, "--applicable", "yes" }, NULL,
    { "assess", "set", "1", REQUIREMENT }, "requirement.assess",
    { "measures", "standard" }, { REQUIREMENT ": measures", REQUIREMENT ": standards" },
    NULL, dup_assessment_value, NULL, NULL },
  { "threat", { "threat", "add", "1", "--asset", "Web interface", "--title", "Guessing",
                "--stride", "S", "--likelihood", "3", "--impact", "3" }, NULL,
    { "threat", "set", "1", "T1" }, "threat.update",
    { "title", "mitigations" }, { "T1: title", "T1: mitigations" }, NULL, dup_threat_value,
    NULL, NULL },
  { "evidence", { NULL }, add_evidence, { "evidence", "set", "1" }, "evidence.update",
    { "title", "valid-until" }, { "evidence 1, title", "evidence 1, valid-until=" },
    dup_evidence_field_value, dup_evidence_value, NULL, NULL },
  { "vuln", { "vuln", "add", "1", "--title", "Overflow", "--aware-at", "2026-01-05T09:00Z" }, NULL,
    { "vuln", "set", "1" }, "case.update",
    { "description", "fix" }, { NULL }, NULL, NULL, edit_case, get_case },
  { "incident", { "incident", "add", "1", "--title", "Break-in", "--aware-at",
                  "2026-01-05T09:00Z" }, NULL,
    { "incident", "set", "1" }, "case.update",
    { "description", "root-cause" }, { NULL }, NULL, NULL, edit_case, get_case },
};

/* Product 1, and the kind's record stored once. */
static void
set_up_kind (Fixture    *f,
             const Kind *kind)
{
  g_autofree char *id = run_id (f, "product add", "--name", "Router", "--model", "R-1", NULL);

  g_assert_cmpstr (id, ==, "1");
  if (kind->setup[0] != NULL)
    {
      g_autoptr(Result) result = run_argv (f, kind->setup);

      assert_ok (result);
    }
  if (kind->prepare != NULL)
    kind->prepare (f);
}

static char *
dup_value (const Kind *kind,
           const char *field,
           guint       i)
{
  if (kind->dup_value != NULL)
    return kind->dup_value (field, i);

  return g_strdup_printf ("%s-%u", field, i);
}

static GStrv
dup_set_command (const Kind *kind,
                 const char *field,
                 const char *value)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree char *option = g_strconcat ("--", field, NULL);

  g_strv_builder_addv (builder, (const char **) kind->set);
  g_strv_builder_add_many (builder, option, value, NULL);

  return g_strv_builder_end (builder);
}

static CfRecord *
load (Fixture    *f,
      const Kind *kind)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfStore) store = cf_store_open (f->db, &error);
  CfRecord *record;

  g_assert_no_error (error);
  record = kind->get (store, &error);
  g_assert_no_error (error);
  g_assert_nonnull (record);

  return record;
}

static char *
dup_stored (Fixture    *f,
            const Kind *kind,
            const char *field)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfStore) store = NULL;
  g_autoptr(CfRecord) record = NULL;

  if (kind->dup_stored == NULL)
    {
      record = load (f, kind);
      return g_strdup (cf_record_get_field (record, field));
    }

  store = cf_store_open (f->db, &error);
  g_assert_no_error (error);
  return kind->dup_stored (store, field);
}

/* The newest entry of the audit log. */
static gint64
last_audit_id (Fixture *f)
{
  g_autoptr(JsonNode) root = run_json (f, "audit", NULL);
  JsonArray *entries = json_node_get_array (root);
  gint64 last = 0;

  for (guint i = 0; i < json_array_get_length (entries); i++)
    last = MAX (last, json_object_get_int_member (json_array_get_object_element (entries, i), "id"));

  return last;
}

typedef struct
{
  const Kind *kind;
  const char *field;
} RaceWriter;

static GStrv
set_field (Writer *w,
           guint   i)
{
  const RaceWriter *rw = w->data;
  g_autofree char *value = dup_value (rw->kind, rw->field, i);

  return dup_set_command (rw->kind, rw->field, value);
}

/* Whether the audit log's @detail names the change @expected says and no
 * other: "valid-until=" stands for the field with any value, one without
 * a comma in it. */
static gboolean
names_only (const char *detail,
            const char *expected)
{
  if (!g_str_has_suffix (expected, "="))
    return g_str_equal (detail, expected);

  return g_str_has_prefix (detail, expected) && strchr (detail + strlen (expected), ',') == NULL;
}

/* Every change the audit log records of the record after entry @since, by
 * the field it names. */
static void
count_updates (Fixture    *f,
               const Kind *kind,
               gint64      since,
               guint       counts[2])
{
  g_autoptr(JsonNode) root = run_json (f, "audit", NULL);
  JsonArray *entries = json_node_get_array (root);

  counts[0] = counts[1] = 0;
  for (guint i = 0; i < json_array_get_length (entries); i++)
    {
      JsonObject *entry = json_array_get_object_element (entries, i);
      const char *detail = json_object_get_string_member (entry, "detail");

      if (json_object_get_int_member (entry, "id") <= since ||
          !g_str_equal (json_object_get_string_member (entry, "action"), kind->action))
        continue;

      /* A write based on a stale read would also put back the other
       * writer's field, and name it: "model, version". */
      if (names_only (detail, kind->details[0] ?: kind->fields[0]))
        counts[0]++;
      else if (names_only (detail, kind->details[1] ?: kind->fields[1]))
        counts[1]++;
      else
        g_error ("%s: one change named more than its own field: %s", kind->name, detail);
    }
}

static void
test_race (Fixture       *f,
           gconstpointer  data)
{
  const Kind *kind = data;
  RaceWriter race_a = { kind, kind->fields[0] };
  RaceWriter race_b = { kind, kind->fields[1] };
  Writer a = { f, RACE_SETS, set_field, &race_a };
  Writer b = { f, RACE_SETS, set_field, &race_b };
  guint counts[2];
  gint64 since;

  set_up_kind (f, kind);
  since = last_audit_id (f);
  start (&a, "writer-a");
  start (&b, "writer-b");
  finish (&a);
  finish (&b);

  assert_integrity (f->db);

  /* Each writer's last value survived the other's writes. */
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *last = dup_value (kind, kind->fields[i], RACE_SETS - 1);
      g_autofree char *stored = dup_stored (f, kind, kind->fields[i]);

      g_assert_cmpstr (stored, ==, last);
    }

  /* And every single write changed its own field, and only that. */
  count_updates (f, kind, since, counts);
  g_assert_cmpuint (counts[0], ==, RACE_SETS);
  g_assert_cmpuint (counts[1], ==, RACE_SETS);
}

/* Why no write is lost: the CLI reads the record inside its write
 * transaction, so no other program can write between its read and its
 * write. Checked from within the edit, on a connection of the test's own. */

typedef struct
{
  Fixture    *f;
  const Kind *kind;
} LockCheck;

static gboolean
edit_checking_lock_cb (CfRecord  *record,
                       gpointer   user_data,
                       GError   **error)
{
  const LockCheck *check = user_data;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (check->f->db, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 0);
  g_assert_cmpint (sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_BUSY);
  sqlite3_close (db);

  /* What is stored now, the other field included, not an empty record. */
  g_assert_cmpstr (cf_record_get_field (record, check->kind->fields[1]), ==, "kept");
  cf_record_set_field (record, check->kind->fields[0], "edited");

  return TRUE;
}

static void
test_edit_holds_lock (Fixture       *f,
                      gconstpointer  data)
{
  const Kind *kind = data;
  LockCheck check = { f, kind };
  g_auto(GStrv) keep = dup_set_command (kind, kind->fields[1], "kept");
  g_autoptr(Result) kept = NULL;
  g_autoptr(CfStore) store = NULL;
  g_autoptr(CfRecord) record = NULL;
  g_autoptr(GError) error = NULL;

  set_up_kind (f, kind);
  kept = run_argv (f, (const char * const *) keep);
  assert_ok (kept);

  store = cf_store_open (f->db, &error);
  g_assert_no_error (error);
  g_assert_true (kind->edit (store, edit_checking_lock_cb, &check, &error));
  g_assert_no_error (error);

  record = load (f, kind);
  g_assert_cmpstr (cf_record_get_field (record, kind->fields[0]), ==, "edited");
  g_assert_cmpstr (cf_record_get_field (record, kind->fields[1]), ==, "kept");
}

static gboolean
edit_assessment_checking_lock_cb (CfRequirementAssessment  *assessment,
                                  gboolean                  assessed,
                                  gpointer                  user_data,
                                  GError                  **error)
{
  Fixture *f = user_data;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (f->db, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 0);
  g_assert_cmpint (sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_BUSY);
  sqlite3_close (db);

  g_assert_true (assessed);
  g_assert_cmpstr (assessment->standards[0], ==, "kept");
  g_free (assessment->measures);
  assessment->measures = g_strdup ("edited");

  return TRUE;
}

static void
test_assessment_edit_holds_lock (Fixture       *f,
                                 gconstpointer  data)
{
  g_autofree char *id = run_id (f, "product add", "--name", "Router", "--model", "R-1", NULL);
  g_autoptr(Result) kept = run (f, "assess", "set", "1", REQUIREMENT, "--applicable", "yes",
                                "--standard", "kept", NULL);
  g_autoptr(CfStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *measures = NULL;
  g_autofree char *standard = NULL;

  g_assert_cmpstr (id, ==, "1");
  assert_ok (kept);
  store = cf_store_open (f->db, &error);
  g_assert_no_error (error);
  g_assert_true (cf_store_edit_requirement_assessment (store, 1, REQUIREMENT,
                                                       edit_assessment_checking_lock_cb, f,
                                                       &error));
  g_assert_no_error (error);

  measures = dup_assessment_value (store, "measures");
  standard = dup_assessment_value (store, "standard");
  g_assert_cmpstr (measures, ==, "edited");
  g_assert_cmpstr (standard, ==, "kept");
}

/* A threat and an item of evidence are no CfRecords: their own edits. */

static void
assert_write_locked (Fixture *f)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (f->db, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 0);
  g_assert_cmpint (sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_BUSY);
  sqlite3_close (db);
}

static gboolean
edit_threat_checking_lock_cb (CfThreat  *threat,
                              gpointer   user_data,
                              GError   **error)
{
  assert_write_locked (user_data);

  g_assert_cmpstr (cf_threat_get_mitigations (threat), ==, "kept");
  cf_threat_set_title (threat, "edited");

  return TRUE;
}

static gboolean
edit_threat_refusing_cb (CfThreat  *threat,
                         gpointer   user_data,
                         GError   **error)
{
  cf_threat_set_title (threat, "never stored");
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, "refused by the test");

  return FALSE;
}

static CfThreat *
load_threat (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfStore) store = cf_store_open (f->db, &error);
  CfThreat *threat;

  g_assert_no_error (error);
  threat = cf_store_get_threat (store, 1, 1, &error);
  g_assert_no_error (error);

  return threat;
}

static void
test_threat_edit_holds_lock (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(Result) kept = NULL;
  g_autoptr(CfStore) store = NULL;
  g_autoptr(CfThreat) threat = NULL;
  g_autoptr(GError) error = NULL;

  set_up_kind (f, data);
  kept = run (f, "threat", "set", "1", "T1", "--mitigations", "kept", NULL);
  assert_ok (kept);

  store = cf_store_open (f->db, &error);
  g_assert_no_error (error);
  g_assert_true (cf_store_edit_threat (store, 1, 1, edit_threat_checking_lock_cb, f, &error));
  g_assert_no_error (error);

  threat = load_threat (f);
  g_assert_cmpstr (cf_threat_get_title (threat), ==, "edited");
  g_assert_cmpstr (cf_threat_get_mitigations (threat), ==, "kept");
}

static void
test_threat_edit_refused (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(CfStore) store = NULL;
  g_autoptr(CfThreat) before = NULL;
  g_autoptr(CfThreat) after = NULL;
  g_autoptr(GError) error = NULL;
  gint64 since;

  set_up_kind (f, data);
  before = load_threat (f);
  since = last_audit_id (f);

  store = cf_store_open (f->db, &error);
  g_assert_no_error (error);
  g_assert_false (cf_store_edit_threat (store, 1, 1, edit_threat_refusing_cb, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_clear_object (&store);

  after = load_threat (f);
  g_assert_true (cf_threat_equal (after, before));
  g_assert_cmpstr (cf_threat_get_updated_at (after), ==, cf_threat_get_updated_at (before));
  g_assert_cmpint (last_audit_id (f), ==, since);
}

static gboolean
edit_evidence_checking_lock_cb (CfEvidence  *evidence,
                                gpointer     user_data,
                                GError     **error)
{
  assert_write_locked (user_data);

  g_assert_cmpstr (cf_evidence_get_valid_until (evidence), ==, "2031-01-31");
  cf_evidence_set_title (evidence, "edited");

  return TRUE;
}

static gboolean
edit_evidence_refusing_cb (CfEvidence  *evidence,
                           gpointer     user_data,
                           GError     **error)
{
  cf_evidence_set_title (evidence, "never stored");
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, "refused by the test");

  return FALSE;
}

static CfEvidence *
load_evidence (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfStore) store = cf_store_open (f->db, &error);
  CfEvidence *evidence;

  g_assert_no_error (error);
  evidence = cf_store_get_evidence (store, 1, &error);
  g_assert_no_error (error);

  return evidence;
}

static void
test_evidence_edit_holds_lock (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(Result) kept = NULL;
  g_autoptr(CfStore) store = NULL;
  g_autoptr(CfEvidence) evidence = NULL;
  g_autoptr(GError) error = NULL;

  set_up_kind (f, data);
  kept = run (f, "evidence", "set", "1", "--valid-until", "2031-01-31", NULL);
  assert_ok (kept);

  store = cf_store_open (f->db, &error);
  g_assert_no_error (error);
  g_assert_true (cf_store_edit_evidence (store, 1, edit_evidence_checking_lock_cb, f, &error));
  g_assert_no_error (error);

  evidence = load_evidence (f);
  g_assert_cmpstr (cf_evidence_get_title (evidence), ==, "edited");
  g_assert_cmpstr (cf_evidence_get_valid_until (evidence), ==, "2031-01-31");
}

static void
test_evidence_edit_refused (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(CfStore) store = NULL;
  g_autoptr(CfEvidence) after = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GError) error = NULL;
  gint64 since;

  set_up_kind (f, data);
  since = last_audit_id (f);
  before = read_db (f);

  store = cf_store_open (f->db, &error);
  g_assert_no_error (error);
  g_assert_false (cf_store_edit_evidence (store, 1, edit_evidence_refusing_cb, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_clear_object (&store);

  assert_db_unchanged (f, before);
  after = load_evidence (f);
  g_assert_cmpstr (cf_evidence_get_title (after), ==, "Audit");
  g_assert_cmpint (last_audit_id (f), ==, since);
}

/* A requirement not assessed yet: `assess set` needs --applicable, decided
 * on what it reads inside its transaction; a refusal stores nothing. */
static void
test_assessment_first_time (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *id = run_id (f, "product add", "--name", "Router", "--model", "R-1", NULL);
  g_autoptr(Result) refused = NULL;
  g_autoptr(CfStore) store = NULL;
  g_autoptr(CfRequirementAssessment) assessment = NULL;
  g_autoptr(GError) error = NULL;
  gint64 since = last_audit_id (f);

  g_assert_cmpstr (id, ==, "1");
  refused = run (f, "assess", "set", "1", REQUIREMENT, "--measures", "Signed updates", NULL);
  assert_refused (refused, 2, "--applicable");
  g_assert_nonnull (strstr (refused->err, "is not assessed yet"));
  g_assert_cmpint (last_audit_id (f), ==, since);

  store = cf_store_open (f->db, &error);
  g_assert_no_error (error);
  assessment = cf_store_get_requirement_assessment (store, 1, REQUIREMENT, &error);
  g_assert_no_error (error);
  g_assert_null (assessment);
}

/* An edit that refuses stores nothing of what it changed before. */

static gboolean
edit_refusing_cb (CfRecord  *record,
                  gpointer   user_data,
                  GError   **error)
{
  const Kind *kind = user_data;

  cf_record_set_field (record, kind->fields[0], "never stored");
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, "refused by the test");

  return FALSE;
}

static void
test_edit_refused (Fixture       *f,
                   gconstpointer  data)
{
  const Kind *kind = data;
  g_autoptr(CfStore) store = NULL;
  g_autoptr(CfRecord) before = NULL;
  g_autoptr(CfRecord) after = NULL;
  g_autoptr(GError) error = NULL;
  gint64 since;

  set_up_kind (f, kind);
  before = load (f, kind);
  since = last_audit_id (f);

  store = cf_store_open (f->db, &error);
  g_assert_no_error (error);
  g_assert_false (kind->edit (store, edit_refusing_cb, (gpointer) kind, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_clear_object (&store);

  after = load (f, kind);
  g_assert_cmpstr (cf_record_get_field (after, kind->fields[0]), ==,
                   cf_record_get_field (before, kind->fields[0]));
  g_assert_cmpstr (cf_record_get_updated_at (after), ==, cf_record_get_updated_at (before));
  g_assert_cmpint (last_audit_id (f), ==, since);
}

/* The first manufacturer needs a name and an address: `manufacturer set`
 * decides that on what it reads inside its transaction. */

static gboolean
edit_first_manufacturer_cb (CfRecord  *record,
                            gpointer   user_data,
                            GError   **error)
{
  g_assert_cmpint (cf_record_get_id (record), ==, 0);
  g_assert_null (cf_record_get_field (record, "name"));
  cf_record_set_field (record, "name", "Zakład");
  cf_record_set_field (record, "address", "Łódź");

  return TRUE;
}

static void
test_manufacturer_first_time (Fixture       *f,
                              gconstpointer  data)
{
  g_autofree char *id = run_id (f, "product add", "--name", "Router", "--model", "R-1", NULL);
  g_autoptr(Result) refused = NULL;
  g_autoptr(JsonNode) none = NULL;
  g_autoptr(CfStore) store = NULL;
  g_autoptr(CfManufacturer) manufacturer = NULL;
  g_autoptr(GError) error = NULL;
  gint64 since = last_audit_id (f);

  /* The database exists, the manufacturer does not: refused, nothing stored. */
  g_assert_cmpstr (id, ==, "1");
  refused = run (f, "manufacturer", "set", "--email", "a@example.eu", NULL);
  assert_refused (refused, 2, "--name");
  g_assert_nonnull (strstr (refused->err, "No manufacturer is recorded yet"));
  none = run_json (f, "manufacturer", "show", NULL);
  g_assert_true (JSON_NODE_HOLDS_NULL (none));
  g_assert_cmpint (last_audit_id (f), ==, since);

  /* The edit gets an empty one to fill in. */
  store = cf_store_open (f->db, &error);
  g_assert_no_error (error);
  g_assert_true (cf_store_edit_manufacturer (store, edit_first_manufacturer_cb, NULL, &error));
  g_assert_no_error (error);
  manufacturer = cf_store_get_manufacturer (store, &error);
  g_assert_no_error (error);
  g_assert_nonnull (manufacturer);
  g_assert_cmpstr (cf_record_get_field (CF_RECORD (manufacturer), "address"), ==, "Łódź");
}

/* A long copy in segments, each its own transaction, while the other
 * writer changes the product between them */

static GStrv
add_large_file (Writer *w,
                guint   i)
{
  GStrvBuilder *builder = g_strv_builder_new ();
  GStrv args;

  g_strv_builder_add_many (builder, "evidence", "add", "1", w->data, NULL);
  args = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);

  return args;
}

static void
test_long_copy (Fixture       *f,
                gconstpointer  data)
{
  g_autofree guint8 *content = g_malloc (LARGE_SIZE);
  g_autofree char *path = NULL;
  g_autoptr(GHashTable) items = NULL;
  g_autofree char *id = run_id (f, "product add", "--name", "Router", "--model", "R-1", NULL);
  Writer a = { f, LARGE_FILES, add_large_file, NULL };
  RaceWriter version = { &kinds[0], "version" };
  Writer b = { f, RACE_SETS, set_field, &version };
  g_autofree char *last_version = g_strdup_printf ("version-%u", RACE_SETS - 1);
  g_autoptr(JsonNode) product = NULL;
  guint n_items;

  g_assert_cmpstr (id, ==, "1");
  for (gsize i = 0; i < LARGE_SIZE; i++)
    content[i] = (guint8) ((i * 2654435761u) >> 13);
  path = write_file (f, "capture.pcap", content, LARGE_SIZE);
  a.data = path;

  start (&a, "writer-copy");
  start (&b, "writer-version");
  finish (&a);
  finish (&b);

  assert_integrity (f->db);
  items = list_evidence (f, &n_items);
  g_assert_cmpuint (n_items, ==, LARGE_FILES);
  assert_stored (items, path);
  product = run_json (f, "product", "show", "1", NULL);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (product), "version"), ==,
                   last_version);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, data, func) g_test_add (path, Fixture, data, fixture_set_up, func, fixture_tear_down)
  ADD ("/concurrent-writers/evidence", NULL, test_evidence);
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autofree char *race = g_strconcat ("/concurrent-writers/race/", kinds[i].name, NULL);
      g_autofree char *lock = g_strconcat ("/concurrent-writers/edit-holds-lock/", kinds[i].name, NULL);
      g_autofree char *refused = g_strconcat ("/concurrent-writers/edit-refused/", kinds[i].name, NULL);

      ADD (race, &kinds[i], test_race);
      if (g_str_equal (kinds[i].name, "threat"))
        {
          ADD (lock, &kinds[i], test_threat_edit_holds_lock);
          ADD (refused, &kinds[i], test_threat_edit_refused);
        }
      else if (g_str_equal (kinds[i].name, "evidence"))
        {
          ADD (lock, &kinds[i], test_evidence_edit_holds_lock);
          ADD (refused, &kinds[i], test_evidence_edit_refused);
        }
      if (kinds[i].edit == NULL)
        continue;
      ADD (lock, &kinds[i], test_edit_holds_lock);
      ADD (refused, &kinds[i], test_edit_refused);
    }
  ADD ("/concurrent-writers/edit-holds-lock/assess-set", NULL, test_assessment_edit_holds_lock);
  ADD ("/concurrent-writers/manufacturer-first-time", NULL, test_manufacturer_first_time);
  ADD ("/concurrent-writers/assess-set-first-time", NULL, test_assessment_first_time);
  ADD ("/concurrent-writers/long-copy", NULL, test_long_copy);
#undef ADD

  return g_test_run ();
}
