/* fuzz-cli-args.c — one input as the arguments of conformity-cli, split on
 * NUL bytes, run against a throwaway project
 *
 * Parsing and running are not separable in the CLI (each command parses
 * its own options, then acts), so the whole command runs, in a folder of
 * its own that is put back as it was before every input: a project with
 * the example product, an SBOM, evidence, a threat, a vulnerability, a
 * generated declaration, an exported dossier under review, and the files
 * that made them (sbom.json, notes.txt, dossier.zip, findings.json).
 *
 * Paths stay inside that folder: an argument with “..”, or with a “/”
 * other than in a CVSS vector, is skipped, and so is --sign (GnuPG would
 * start an agent). The command's own output goes to files, not the
 * fuzzer's terminal.
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cf-cli.h"
#include "cf-cli-private.h"
#include "fuzz.h"

#define MAX_ARGS 32

/* How the throwaway project is made; each must succeed. */
static const char * const setup[][16] = {
  { "product", "add-example", NULL },
  { "sbom", "import", "1", "sbom.json", NULL },
  { "evidence", "add", "1", "notes.txt", "--requirement", "AnnexI.PartII.1", NULL },
  { "threat", "add", "1", "--asset", "Firmware", "--title", "Tampered update",
    "--stride", "tampering", "--likelihood", "3", "--impact", "4", NULL },
  { "vuln", "add", "1", "--title", "Buffer overflow", "--aware-at", "2026-11-20T10:00Z",
    "--cvss", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", NULL },
  { "generate", "1", "--kind", "declaration", NULL },
  { "dossier", "export", "1", "--out", "dossier.zip", NULL },
  { "review", "open", "dossier.zip", NULL },
  { "review", "finding", "add", "--requirement", "AnnexI.PartI.2.a", "--severity", "minor",
    "--text", "The update is not signed.", NULL },
  { "review", "export", "--out", "findings.json", NULL },
};

static const char sbom_json[] =
  "{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.5\","
  "\"metadata\":{\"timestamp\":\"2026-11-20T10:00:00Z\","
  "\"component\":{\"type\":\"firmware\",\"name\":\"st-200\",\"version\":\"2.4.1\"}},"
  "\"components\":[{\"type\":\"library\",\"bom-ref\":\"zlib\",\"name\":\"zlib\","
  "\"version\":\"1.3.1\",\"purl\":\"pkg:generic/zlib@1.3.1\"},"
  "{\"type\":\"library\",\"bom-ref\":\"mbedtls\",\"name\":\"mbedtls\",\"version\":\"3.6.2\"}],"
  "\"dependencies\":[{\"ref\":\"mbedtls\",\"dependsOn\":[\"zlib\"]}]}\n";

typedef struct
{
  char       *work;        /* the project's folder; the commands run in it */
  char       *db;          /* work/project.db */
  char       *out;         /* what the command printed */
  char       *err;
  GHashTable *snapshot;    /* file name → GBytes: the folder as set up */
} Sandbox;

static int
run_cli (Sandbox            *box,
         const char * const *args,
         guint               n_args)
{
  g_autofree char **argv = g_new0 (char *, n_args + 2);
  FILE *real_stdout = stdout;
  FILE *real_stderr = stderr;
  int here, status;

  argv[0] = (char *) "conformity-cli";
  for (guint i = 0; i < n_args; i++)
    argv[i + 1] = (char *) args[i];

  here = open (".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  g_assert_cmpint (here, >=, 0);
  g_assert_cmpint (chdir (box->work), ==, 0);
  stdout = fopen (box->out, "w");
  stderr = fopen (box->err, "w");
  g_assert_nonnull (stdout);
  g_assert_nonnull (stderr);

  status = cf_cli_run ((int) n_args + 1, argv);

  fclose (stdout);
  fclose (stderr);
  stdout = real_stdout;
  stderr = real_stderr;
  g_assert_cmpint (fchdir (here), ==, 0);
  close (here);

  return status;
}

static GHashTable *
read_folder (const char *path)
{
  GHashTable *files = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                             (GDestroyNotify) g_bytes_unref);
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (path, name, NULL);
      g_autofree char *contents = NULL;
      gsize length;

      /* A folder (a --db in a new one) or a file that cannot be read
       * stands out as a change all the same. */
      if (!g_file_get_contents (file, &contents, &length, NULL))
        {
          g_hash_table_insert (files, g_strdup (name), g_bytes_new (NULL, 0));
          continue;
        }
      g_hash_table_insert (files, g_strdup (name),
                           g_bytes_new_take (g_steal_pointer (&contents), length));
    }

  return files;
}

/* Puts the folder back as it was set up. */
static void
restore (Sandbox *box)
{
  GHashTableIter iter;
  const char *name;
  GBytes *bytes;

  cf_fuzz_remove_contents (box->work);
  g_hash_table_iter_init (&iter, box->snapshot);
  while (g_hash_table_iter_next (&iter, (gpointer *) &name, (gpointer *) &bytes))
    {
      g_autofree char *path = g_build_filename (box->work, name, NULL);
      g_autoptr(GError) error = NULL;

      if (!g_file_set_contents (path, g_bytes_get_data (bytes, NULL),
                                (gssize) g_bytes_get_size (bytes), &error))
        g_error ("%s", error->message);
    }
}

static Sandbox *
get_sandbox (void)
{
  static Sandbox box;
  g_autoptr(GError) error = NULL;
  g_autofree char *sbom = NULL;
  g_autofree char *notes = NULL;

  if (box.work != NULL)
    return &box;

  box.work = cf_fuzz_scratch_path ("cli");
  box.db = g_build_filename (box.work, "project.db", NULL);
  box.out = cf_fuzz_scratch_path ("cli-stdout");
  box.err = cf_fuzz_scratch_path ("cli-stderr");
  g_assert_cmpint (g_mkdir (box.work, 0700), ==, 0);
  g_setenv ("CONFORMITY_DB", box.db, TRUE);

  sbom = g_build_filename (box.work, "sbom.json", NULL);
  notes = g_build_filename (box.work, "notes.txt", NULL);
  if (!g_file_set_contents (sbom, sbom_json, -1, &error) ||
      !g_file_set_contents (notes, "Penetration test: nothing found.\n", -1, &error))
    g_error ("%s", error->message);

  for (guint i = 0; i < G_N_ELEMENTS (setup); i++)
    {
      guint n = 0;
      int status;

      while (setup[i][n] != NULL)
        n++;
      status = run_cli (&box, setup[i], n);
      if (status != 0)
        {
          g_autofree char *err = NULL;

          g_file_get_contents (box.err, &err, NULL, NULL);
          g_error ("Setting up the project failed at “%s %s”: %s", setup[i][0], setup[i][1], err);
        }
    }

  box.snapshot = read_folder (box.work);
  return &box;
}

/* Whether the path an argument may name stays in the sandbox. */
static gboolean
is_contained (const char *arg)
{
  const char *slash = strchr (arg, '/');
  const char *cvss = strstr (arg, "CVSS:");

  if (strstr (arg, "..") != NULL || g_str_has_prefix (arg, "--sign"))
    return FALSE;

  return slash == NULL || (cvss != NULL && cvss < slash);
}

/* The folder is as it was: nothing written, created or removed. */
static void
assert_unchanged (Sandbox    *box,
                  int         status)
{
  g_autoptr(GHashTable) now = read_folder (box->work);
  GHashTableIter iter;
  const char *name;
  GBytes *bytes;

  g_hash_table_iter_init (&iter, now);
  while (g_hash_table_iter_next (&iter, (gpointer *) &name, (gpointer *) &bytes))
    {
      GBytes *before = g_hash_table_lookup (box->snapshot, name);

      if (before == NULL)
        g_error ("Exit status %d, yet “%s” was created", status, name);
      if (!g_bytes_equal (before, bytes))
        g_error ("Exit status %d, yet “%s” was changed", status, name);
    }
  g_assert_cmpuint (g_hash_table_size (now), ==, g_hash_table_size (box->snapshot));
}

/* The helpers that read ids and sizes, on every argument. */
static void
check_value_parsers (const char *arg)
{
  g_autoptr(GError) error = NULL;
  gint64 id = 0;
  gint number = 0;
  guint64 size = 0;
  gboolean ok;

  ok = cf_cli_parse_id (arg, &id, &error);
  cf_fuzz_check_outcome (ok, error, NULL);
  g_assert_true (!ok || id >= 1);
  g_clear_error (&error);

  ok = cf_cli_parse_threat (arg, &number, &error);
  cf_fuzz_check_outcome (ok, error, NULL);
  g_assert_true (!ok || number >= 1);
  g_clear_error (&error);

  ok = cf_cli_parse_max_size (arg, &size, &error);
  cf_fuzz_check_outcome (ok, error, NULL);
}

int
cf_fuzz_cli_args (const guint8 *data,
                  gsize         size)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *err = NULL;
  Sandbox *box;
  gsize start = 0;
  int status;

  cf_fuzz_init ();

  for (gsize i = 0; i <= size; i++)
    if (i == size || data[i] == '\0')
      {
        /* A last NUL ends the last argument rather than starting one. */
        if (i == size && start == size && args->len > 0)
          break;
        g_ptr_array_add (args, g_strndup ((const char *) data + start, i - start));
        start = i + 1;
      }

  if (args->len > MAX_ARGS)
    return 0;
  for (guint i = 0; i < args->len; i++)
    if (!is_contained (g_ptr_array_index (args, i)))
      return 0;

  for (guint i = 0; i < args->len; i++)
    check_value_parsers (g_ptr_array_index (args, i));

  box = get_sandbox ();
  restore (box);
  status = run_cli (box, (const char * const *) args->pdata, args->len);
  g_debug ("Exit status %d", status);

  g_assert_cmpint (status, >=, CF_CLI_EXIT_OK);
  g_assert_cmpint (status, <=, CF_CLI_EXIT_MISMATCH);

  /* What it says is text, whatever it was given, and holds no escape
   * sequence for the terminal. */
  if (!g_file_get_contents (box->err, &err, NULL, NULL))
    g_error ("Cannot read %s", box->err);
  if (!g_utf8_validate (err, -1, NULL))
    g_error ("Exit status %d with a message that is not UTF-8: %s", status, err);
  for (const char *p = err; *p != '\0'; p++)
    if (g_ascii_iscntrl (*p) && *p != '\n' && *p != '\t')
      g_error ("Exit status %d with a control character (%#x) in the message: %s",
               status, (guint) (guchar) *p, err);

  /* A refusal leaves the project, and every other file, as it was. */
  if (status == CF_CLI_EXIT_FAILURE || status == CF_CLI_EXIT_USAGE)
    assert_unchanged (box, status);

  return 0;
}
