/* test-concurrent-writers.c — two conformity-cli processes writing the same
 * project database at once: neither is turned away because the other holds
 * it, and no write of either is lost
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
#define PRODUCT_SETS 40
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

/* Two writers changing different fields of the same product */

static GStrv
set_field (Writer *w,
           guint   i)
{
  const char *field = w->data;
  g_autofree char *option = g_strconcat ("--", field, NULL);
  g_autofree char *value = g_strdup_printf ("%s-%u", field, i);
  GStrvBuilder *builder = g_strv_builder_new ();
  GStrv args;

  g_strv_builder_add_many (builder, "product", "set", "1", option, value, NULL);
  args = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);

  return args;
}

/* Every change the audit log records of the product, by the fields it names. */
static void
count_updates (Fixture *f,
               guint   *model,
               guint   *version)
{
  g_autoptr(JsonNode) root = run_json (f, "audit", NULL);
  JsonArray *entries = json_node_get_array (root);

  *model = *version = 0;
  for (guint i = 0; i < json_array_get_length (entries); i++)
    {
      JsonObject *entry = json_array_get_object_element (entries, i);
      const char *detail = json_object_get_string_member (entry, "detail");

      if (!g_str_equal (json_object_get_string_member (entry, "action"), "product.update"))
        continue;

      /* A write based on a stale read would also put back the other
       * writer's field, and name it: "model, version". */
      if (g_str_equal (detail, "model"))
        (*model)++;
      else if (g_str_equal (detail, "version"))
        (*version)++;
      else
        g_error ("a product update changed more than its own field: %s", detail);
    }
}

static void
test_product (Fixture       *f,
              gconstpointer  data)
{
  Writer a = { f, PRODUCT_SETS, set_field, (gpointer) "model" };
  Writer b = { f, PRODUCT_SETS, set_field, (gpointer) "version" };
  g_autofree char *id = run_id (f, "product add", "--name", "Router", "--model", "R-1", NULL);
  g_autofree char *last_model = g_strdup_printf ("model-%u", PRODUCT_SETS - 1);
  g_autofree char *last_version = g_strdup_printf ("version-%u", PRODUCT_SETS - 1);
  g_autoptr(JsonNode) product = NULL;
  JsonObject *fields;
  guint models, versions;

  g_assert_cmpstr (id, ==, "1");
  start (&a, "writer-model");
  start (&b, "writer-version");
  finish (&a);
  finish (&b);

  assert_integrity (f->db);

  /* Each writer's last value survived the other's writes. */
  product = run_json (f, "product", "show", "1", NULL);
  fields = json_node_get_object (product);
  g_assert_cmpstr (json_object_get_string_member (fields, "model"), ==, last_model);
  g_assert_cmpstr (json_object_get_string_member (fields, "version"), ==, last_version);

  /* And every single write changed its own field, and only that. */
  count_updates (f, &models, &versions);
  g_assert_cmpuint (models, ==, PRODUCT_SETS);
  g_assert_cmpuint (versions, ==, PRODUCT_SETS);
}

/* Why no write is lost: `product set` reads the product inside its write
 * transaction, so no other program can write between its read and its
 * write. Checked from within the edit, on a connection of the test's own. */
static void
edit_cb (CfRecord *record,
         gpointer  user_data)
{
  Fixture *f = user_data;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (f->db, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 0);
  g_assert_cmpint (sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_BUSY);
  sqlite3_close (db);

  cf_record_set_field (record, "model", "R-2");
}

static void
test_edit_holds_lock (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *id = run_id (f, "product add", "--name", "Router", "--model", "R-1", NULL);
  g_autoptr(CfStore) store = NULL;
  g_autoptr(CfProduct) product = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (id, ==, "1");
  store = cf_store_open (f->db, &error);
  g_assert_no_error (error);
  g_assert_true (cf_store_edit_product (store, 1, edit_cb, f, &error));
  g_assert_no_error (error);
  product = cf_store_get_product (store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cf_record_get_field (CF_RECORD (product), "model"), ==, "R-2");
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
  Writer b = { f, PRODUCT_SETS, set_field, (gpointer) "version" };
  g_autofree char *last_version = g_strdup_printf ("version-%u", PRODUCT_SETS - 1);
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

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/concurrent-writers/evidence", test_evidence);
  ADD ("/concurrent-writers/product", test_product);
  ADD ("/concurrent-writers/edit-holds-lock", test_edit_holds_lock);
  ADD ("/concurrent-writers/long-copy", test_long_copy);
#undef ADD

  return g_test_run ();
}
