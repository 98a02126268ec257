/* fuzz-common.c — what every fuzz target needs: fatal criticals, a scratch
 * folder, the checks every parser's outcome must pass, and small ZIPs
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <archive.h>
#include <archive_entry.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fuzz.h"

static char *scratch_dir;

/* GLib raises SIGTRAP for a fatal message, which libFuzzer does not catch:
 * abort instead, so that the input is saved. The message goes straight to
 * the standard error, which the CLI target redirects only as a FILE. */
static void
abort_on_log_cb (const char     *domain,
                 GLogLevelFlags  level,
                 const char     *message,
                 gpointer        user_data)
{
  g_autofree char *line = NULL;
  gssize written;

  if (!(level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING)))
    {
      g_log_default_handler (domain, level, message, user_data);
      return;
    }

  line = g_strdup_printf ("\n%s: %s\n", domain != NULL ? domain : "fuzz", message);
  written = write (STDERR_FILENO, line, strlen (line));
  (void) written;
  abort ();
}

/* Empties a folder, its subfolders included; links are removed, not followed. */
void
cf_fuzz_remove_contents (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        {
          cf_fuzz_remove_contents (child);
          g_rmdir (child);
        }
      else
        g_unlink (child);
    }
}

static void
remove_scratch (void)
{
  if (scratch_dir == NULL)
    return;

  cf_fuzz_remove_contents (scratch_dir);
  g_rmdir (scratch_dir);
}

/**
 * cf_fuzz_init:
 *
 * Called first by every target, any number of times. A critical or a
 * warning from GLib, json-glib or ours is a bug the input found, so both
 * abort, and so does g_error(), with which the targets report a broken
 * promise. GnuPG gets a keyring of its own in the scratch folder: verifying
 * a dossier's signature must never read or write the user's.
 */
void
cf_fuzz_init (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *gnupg = NULL;

  if (scratch_dir != NULL)
    return;

  g_log_set_default_handler (abort_on_log_cb, NULL);
  setlocale (LC_ALL, "");

  scratch_dir = g_dir_make_tmp ("cf-fuzz-XXXXXX", &error);
  if (scratch_dir == NULL)
    g_error ("%s", error->message);
  atexit (remove_scratch);

  gnupg = g_build_filename (scratch_dir, "gnupg", NULL);
  if (g_mkdir (gnupg, 0700) != 0)
    g_error ("Cannot create %s", gnupg);
  g_setenv ("GNUPGHOME", gnupg, TRUE);
}

/* A folder of this process's own, removed when it exits normally. */
const char *
cf_fuzz_scratch_dir (void)
{
  cf_fuzz_init ();
  return scratch_dir;
}

char *
cf_fuzz_scratch_path (const char *name)
{
  return g_build_filename (cf_fuzz_scratch_dir (), name, NULL);
}

/* Whatever a parser hands on, to a message or the database, is text. */
void
cf_fuzz_check_text (const char *text)
{
  g_autofree char *escaped = NULL;

  if (text == NULL || g_utf8_validate (text, -1, NULL))
    return;

  escaped = g_strescape (text, NULL);
  g_error ("Not UTF-8: “%s”", escaped);
}

/**
 * cf_fuzz_check_outcome:
 * @shown: (nullable): how the input was named to the parser, which every
 *   message must then name
 *
 * A parser gives exactly one of a result and an error, and the error's
 * message is non-empty text.
 */
void
cf_fuzz_check_outcome (gboolean      have_result,
                       const GError *error,
                       const char   *shown)
{
  g_assert_true (have_result != (error != NULL));
  if (error == NULL)
    return;

  g_assert_nonnull (error->message);
  g_assert_true (*error->message != '\0');
  cf_fuzz_check_text (error->message);
  if (shown != NULL && strstr (error->message, shown) == NULL)
    g_error ("The message does not name “%s”: %s", shown, error->message);
}

static la_ssize_t
append_cb (struct archive *archive,
           void           *user_data,
           const void     *buffer,
           size_t          length)
{
  g_byte_array_append (user_data, buffer, length);
  return (la_ssize_t) length;
}

/**
 * cf_fuzz_zip:
 *
 * Returns: (transfer full): a ZIP of the members given, stored
 *   uncompressed, in that order
 */
GBytes *
cf_fuzz_zip (const char * const *names,
             GBytes * const     *contents,
             guint               n_members)
{
  g_autoptr(GByteArray) out = g_byte_array_new ();
  struct archive *archive = archive_write_new ();

  archive_write_set_format_zip (archive);
  archive_write_set_option (archive, "zip", "compression", "store");
  archive_write_set_bytes_per_block (archive, 0);
  if (archive_write_open (archive, out, NULL, append_cb, NULL) != ARCHIVE_OK)
    g_error ("%s", archive_error_string (archive));

  for (guint i = 0; i < n_members; i++)
    {
      struct archive_entry *entry = archive_entry_new ();
      gsize size;
      const void *data = g_bytes_get_data (contents[i], &size);

      archive_entry_set_pathname (entry, names[i]);
      archive_entry_set_filetype (entry, AE_IFREG);
      archive_entry_set_perm (entry, 0644);
      archive_entry_set_size (entry, (la_int64_t) size);
      archive_entry_set_mtime (entry, 1763740800, 0);
      if (archive_write_header (archive, entry) != ARCHIVE_OK ||
          (size > 0 && archive_write_data (archive, data, size) != (la_ssize_t) size))
        g_error ("%s", archive_error_string (archive));
      archive_entry_free (entry);
    }

  if (archive_write_close (archive) != ARCHIVE_OK)
    g_error ("%s", archive_error_string (archive));
  archive_write_free (archive);

  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}
