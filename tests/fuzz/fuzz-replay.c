/* fuzz-replay.c — every corpus file through its fuzz target's code once
 *
 * libFuzzer is clang's; this replay runs in every build, so whatever the
 * fuzzers once found stays fixed. Arguments: corpus directories, each
 * named after its target (corpus/catalogue, corpus/cli-args, …).
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>

#include "fuzz.h"

typedef int (*OneInput) (const guint8 *data,
                         gsize         size);

/* Target names as in meson.build and build-aux/fuzz. */
static const struct
{
  const char *name;
  OneInput    run;
} targets[] = {
  { "assessment-xml", cf_fuzz_assessment_xml },
  { "catalogue", cf_fuzz_catalogue },
  { "cli-args", cf_fuzz_cli_args },
  { "dates", cf_fuzz_dates },
  { "dossier-archive", cf_fuzz_dossier_archive },
  { "dossier-manifest", cf_fuzz_dossier_manifest },
  { "findings", cf_fuzz_findings },
  { "sbom-json", cf_fuzz_sbom },
  { "sbom-xml", cf_fuzz_sbom },
  { "spdx", cf_fuzz_sbom },
};

static OneInput
find_target (const char *corpus)
{
  g_autofree char *name = g_path_get_basename (corpus);

  for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
    if (g_str_equal (targets[i].name, name))
      return targets[i].run;

  g_error ("No fuzz target is called “%s”", name);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* Returns the number of files replayed, in name order. */
static guint
replay_directory (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = g_dir_open (path, 0, &error);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  OneInput run = find_target (path);
  const char *name;

  if (dir == NULL)
    g_error ("%s", error->message);

  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  if (names->len == 0)
    g_error ("%s: an empty corpus", path);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *file = g_build_filename (path, g_ptr_array_index (names, i), NULL);
      g_autofree char *contents = NULL;
      gsize length = 0;

      if (!g_file_get_contents (file, &contents, &length, &error))
        g_error ("%s", error->message);

      /* Named first, so that a crash says which input it was. */
      printf ("# %s\n", file);
      fflush (stdout);
      run ((const guint8 *) contents, length);
    }

  return names->len;
}

int
main (int   argc,
      char *argv[])
{
  if (argc < 2)
    g_error ("Usage: fuzz-replay CORPUS_DIRECTORY…");

  for (int i = 1; i < argc; i++)
    printf ("%s: %u inputs replayed\n", argv[i], replay_directory (argv[i]));

  return 0;
}
