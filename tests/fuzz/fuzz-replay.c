/* fuzz-replay.c — every corpus file through the fuzz targets' code once
 *
 * libFuzzer is clang's; this replay runs in every build, so whatever the
 * fuzzers once found stays fixed. Arguments: corpus directories.
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>

#include "fuzz-sbom.h"

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
  const char *name;

  if (dir == NULL)
    g_error ("%s", error->message);

  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *file = g_build_filename (path, g_ptr_array_index (names, i), NULL);
      g_autofree char *contents = NULL;
      gsize length = 0;

      if (!g_file_get_contents (file, &contents, &length, &error))
        g_error ("%s", error->message);
      cf_fuzz_sbom_one_input ((const guint8 *) contents, length);
    }

  return names->len;
}

int
main (int   argc,
      char *argv[])
{
  for (int i = 1; i < argc; i++)
    printf ("%s: %u inputs replayed\n", argv[i], replay_directory (argv[i]));

  return 0;
}
