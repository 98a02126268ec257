/* test-signature.c — signing a manifest with OpenPGP and verifying it: good,
 * altered, by an unknown, expired, revoked or locked key, or not a signature
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "cf-error.h"
#include "cf-signature.h"
#include "test-files.h"

#define MANIFEST "{\"format\": 1, \"members\": [{\"name\": \"declaration.pdf\", " \
                 "\"sha256\": \"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08\"}]}\n"

/* One keyring for the whole run: making keys is the slow part. Its path is
 * short and under /tmp because gpg-agent puts its sockets there when
 * /run/user is missing, and a socket path may not exceed 107 bytes. */
static char *home;
static char *empty_home;
static char *fingerprint;
static gboolean have_gnupg;

/* Runs a GnuPG tool on the keyring @gnupghome; returns its output. */
static char *
run_in (const char         *gnupghome,
        const char * const *argv,
        gboolean            must_succeed)
{
  g_auto(GStrv) envp = g_environ_setenv (g_get_environ (), "GNUPGHOME", gnupghome, TRUE);
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, envp, G_SPAWN_SEARCH_PATH_FROM_ENVP, NULL, NULL,
                &out, &err, &status, &error);
  g_assert_no_error (error);
  if (must_succeed && !g_spawn_check_wait_status (status, &error))
    {
      g_printerr ("%s failed:\n%s\n", argv[0], err);
      g_assert_no_error (error);
    }

  return out;
}

static char *
run_gpg (const char * const *argv)
{
  return run_in (home, argv, TRUE);
}

/* The primary key's fingerprint of the secret key @who, as gpg lists it. */
static char *
fingerprint_of (const char *who)
{
  const char *argv[] = { "gpg", "--batch", "--with-colons", "--list-secret-keys", who, NULL };
  g_autofree char *out = run_gpg (argv);
  g_auto(GStrv) lines = g_strsplit (out, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], "fpr:"))
      {
        g_auto(GStrv) fields = g_strsplit (lines[i], ":", -1);

        g_assert_cmpuint (g_strv_length (fields), >, 9);
        g_assert_cmpuint (strlen (fields[9]), ==, 40);
        return g_strdup (fields[9]);
      }

  g_assert_not_reached ();
}

static char *
group (const char *fpr)
{
  GString *out = g_string_new (NULL);

  for (gsize i = 0; fpr[i] != '\0'; i++)
    {
      if (i > 0 && i % 4 == 0)
        g_string_append_c (out, ' ');
      g_string_append_c (out, fpr[i]);
    }

  return g_string_free (out, FALSE);
}

static void
make_key (const char *user_id,
          const char *passphrase)
{
  const char *argv[] = { "gpg", "--batch", "--pinentry-mode", "loopback", "--passphrase",
                         passphrase, "--quick-gen-key", user_id, "ed25519", "sign", "never",
                         NULL };

  g_free (run_gpg (argv));
}

static GBytes *
manifest (void)
{
  return g_bytes_new_static (MANIFEST, strlen (MANIFEST));
}

static GBytes *
sign_ok (const char  *key,
         char       **signer)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) data = manifest ();
  GBytes *signature = cf_signature_sign (key, data, signer, &error);

  g_assert_no_error (error);
  g_assert_nonnull (signature);

  return signature;
}

static gboolean
skip_without_gnupg (void)
{
  if (!have_gnupg)
    g_test_skip ("GnuPG (gpg, gpg-agent, gpgconf) is not installed: "
                 "install the \"test\" packages of build-aux/packages");
  return !have_gnupg;
}

static void
test_sign_and_verify (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) data = manifest ();
  g_autoptr(GBytes) signature = NULL;
  g_autofree char *signed_by = NULL;
  g_autofree char *verified_by = NULL;
  g_autofree char *grouped = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *text = NULL;

  if (skip_without_gnupg ())
    return;

  grouped = group (fingerprint);
  expected = g_strdup_printf ("Test Signer <signer@example.org>, fingerprint %s", grouped);

  signature = sign_ok ("signer@example.org", &signed_by);
  g_assert_cmpstr (signed_by, ==, expected);
  text = g_strndup (g_bytes_get_data (signature, NULL), g_bytes_get_size (signature));
  g_assert_true (g_str_has_prefix (text, "-----BEGIN PGP SIGNATURE-----"));
  /* Detached: the manifest itself is not inside. */
  g_assert_null (strstr (text, "declaration.pdf"));

  g_assert_true (cf_signature_verify (data, signature, &verified_by, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (verified_by, ==, expected);

  /* Empty data has a signature too, and only that signature matches it. */
  g_clear_pointer (&data, g_bytes_unref);
  g_clear_pointer (&signature, g_bytes_unref);
  data = g_bytes_new (NULL, 0);
  signature = cf_signature_sign ("signer@example.org", data, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (cf_signature_verify (data, signature, NULL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&data, g_bytes_unref);
  data = manifest ();
  g_assert_false (cf_signature_verify (data, signature, NULL, &error));
  g_assert_error (error, CF_ERROR, CF_ERROR_MISMATCH);
}

/* The key may be named by its fingerprint, spaced as shown or not, or
 * left to gpg's default. */
static void
test_sign_key_names (void)
{
  g_autofree char *grouped = NULL;
  const char *keys[3];

  if (skip_without_gnupg ())
    return;

  grouped = group (fingerprint);
  keys[0] = fingerprint;
  keys[1] = grouped;
  keys[2] = NULL;
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) data = manifest ();
      g_autoptr(GBytes) signature = NULL;
      g_autofree char *signer = NULL;

      signature = sign_ok (keys[i], &signer);
      g_assert_nonnull (strstr (signer, grouped));
      g_assert_true (cf_signature_verify (data, signature, NULL, &error));
      g_assert_no_error (error);
    }
}

static void
test_altered (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) signature = NULL;
  g_autoptr(GBytes) altered = NULL;
  g_autofree char *copy = g_strdup (MANIFEST);
  char *signer = NULL;

  if (skip_without_gnupg ())
    return;

  signature = sign_ok ("signer@example.org", NULL);

  /* One bit of one byte: "sha256" becomes "sha257". */
  copy[strstr (copy, "sha256") - copy + 5] ^= 0x01;
  altered = g_bytes_new (copy, strlen (copy));

  g_assert_false (cf_signature_verify (altered, signature, &signer, &error));
  g_test_message ("%s", error != NULL ? error->message : "(no error)");
  g_assert_error (error, CF_ERROR, CF_ERROR_MISMATCH);
  g_assert_nonnull (strstr (error->message, "altered"));
  g_assert_null (signer);
}

static void
test_unknown_key (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) data = manifest ();
  g_autoptr(GBytes) signature = NULL;
  g_autofree char *grouped = NULL;
  char *signer = NULL;

  if (skip_without_gnupg ())
    return;

  signature = sign_ok ("signer@example.org", NULL);

  /* The reviewer's keyring does not hold the signer's key. */
  g_setenv ("GNUPGHOME", empty_home, TRUE);
  g_assert_false (cf_signature_verify (data, signature, &signer, &error));
  g_setenv ("GNUPGHOME", home, TRUE);

  g_test_message ("%s", error != NULL ? error->message : "(no error)");

  g_assert_error (error, CF_ERROR, CF_ERROR_NOT_FOUND);
  grouped = group (fingerprint);
  g_assert_nonnull (strstr (error->message, grouped));
  g_assert_nonnull (strstr (error->message, "not in the OpenPGP keyring"));
  g_assert_null (signer);
}

static void
test_not_a_signature (void)
{
  static const char binary[] = { 0x00, (char) 0xff, 0x13, 0x37, (char) 0x80, 0x01, 0x02 };
  const char *armoured_garbage = "-----BEGIN PGP SIGNATURE-----\n\n"
                                 "bm90IGEgc2lnbmF0dXJlIGF0IGFsbA==\n"
                                 "-----END PGP SIGNATURE-----\n";
  const char *public_key_argv[] = { "gpg", "--batch", "--armor", "--export",
                                    "signer@example.org", NULL };
  g_autofree char *data_path = g_build_filename (home, "clear.json", NULL);
  g_autofree char *clear_path = g_build_filename (home, "clear.json.asc", NULL);
  const char *clearsign_argv[] = { "gpg", "--batch", "--yes", "--local-user",
                                   "signer@example.org", "--output", clear_path,
                                   "--clearsign", data_path, NULL };
  g_autoptr(GError) file_error = NULL;
  g_autofree char *public_key = NULL;
  g_autofree char *clear_signed = NULL;
  g_autoptr(GBytes) data = manifest ();
  GBytes *garbage[6];

  if (skip_without_gnupg ())
    return;

  public_key = run_gpg (public_key_argv);
  g_file_set_contents (data_path, MANIFEST, -1, &file_error);
  g_assert_no_error (file_error);
  g_free (run_gpg (clearsign_argv));
  g_file_get_contents (clear_path, &clear_signed, NULL, &file_error);
  g_assert_no_error (file_error);
  garbage[0] = g_bytes_new_static ("this is not a signature\n", 24);
  garbage[1] = g_bytes_new_static (binary, sizeof binary);
  garbage[2] = g_bytes_new_static (armoured_garbage, strlen (armoured_garbage));
  garbage[3] = g_bytes_new_static ("", 0);
  /* OpenPGP, but a key rather than a signature. */
  garbage[4] = g_bytes_new_static (public_key, strlen (public_key));
  /* A signature, but one that carries its own copy of the data. */
  garbage[5] = g_bytes_new_static (clear_signed, strlen (clear_signed));

  for (guint i = 0; i < G_N_ELEMENTS (garbage); i++)
    {
      g_autoptr(GError) error = NULL;

      g_test_message ("garbage %u", i);
      g_assert_false (cf_signature_verify (data, garbage[i], NULL, &error));
      g_test_message ("%s", error != NULL ? error->message : "(no error)");
      g_assert_error (error, CF_ERROR, CF_ERROR_INVALID_INPUT);
      g_assert_nonnull (strstr (error->message, "not a detached OpenPGP signature"));
      g_bytes_unref (garbage[i]);
    }
}

static void
test_no_such_key (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) data = manifest ();
  g_autoptr(GBytes) signature = NULL;
  char *signer = NULL;

  if (skip_without_gnupg ())
    return;

  signature = cf_signature_sign ("nobody@example.invalid", data, &signer, &error);
  g_test_message ("%s", error != NULL ? error->message : "(no error)");
  g_assert_error (error, CF_ERROR, CF_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "“nobody@example.invalid”"));
  g_assert_null (signature);
  g_assert_null (signer);
}

/* A key locked by a passphrase the agent does not hold: an error at once,
 * never a prompt that waits forever. */
static void
test_locked_key (void)
{
  const char *kill_agent[] = { "gpgconf", "--kill", "gpg-agent", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) data = manifest ();
  g_autoptr(GBytes) signature = NULL;
  gint64 start;

  if (skip_without_gnupg ())
    return;

  make_key ("Locked Signer <locked@example.org>", "correct horse battery staple");
  /* Forget the passphrase the agent may have cached while making the key. */
  g_free (run_gpg (kill_agent));

  start = g_get_monotonic_time ();
  signature = cf_signature_sign ("locked@example.org", data, NULL, &error);
  g_test_message ("%s", error != NULL ? error->message : "(no error)");
  g_assert_error (error, CF_ERROR, CF_ERROR_SIGNATURE);
  g_assert_nonnull (strstr (error->message, "“locked@example.org”"));
  g_assert_nonnull (strstr (error->message, "passphrase"));
  g_assert_null (signature);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 20 * G_USEC_PER_SEC);
}

/* Made in 2020 with a key that expired at the end of 2020. */
static void
test_expired_key (void)
{
  const char *make[] = { "gpg", "--batch", "--passphrase", "", "--faked-system-time",
                         "20200101T000000", "--quick-gen-key",
                         "Expired Signer <expired@example.org>", "ed25519", "sign", "1y", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) data = manifest ();
  g_autoptr(GBytes) signature = NULL;
  g_autofree char *data_path = g_build_filename (home, "manifest.json", NULL);
  g_autofree char *sig_path = g_build_filename (home, "manifest.json.asc", NULL);
  const char *sign[] = { "gpg", "--batch", "--faked-system-time", "20200601T000000",
                         "--local-user", "expired@example.org", "--armor", "--output", sig_path,
                         "--detach-sign", data_path, NULL };
  g_autofree char *text = NULL;
  gsize length = 0;

  if (skip_without_gnupg ())
    return;

  g_free (run_gpg (make));
  g_file_set_contents (data_path, MANIFEST, -1, &error);
  g_assert_no_error (error);
  g_free (run_gpg (sign));
  g_file_get_contents (sig_path, &text, &length, &error);
  g_assert_no_error (error);
  signature = g_bytes_new_take (g_steal_pointer (&text), length);

  g_assert_false (cf_signature_verify (data, signature, NULL, &error));
  g_test_message ("%s", error != NULL ? error->message : "(no error)");
  g_assert_error (error, CF_ERROR, CF_ERROR_SIGNATURE);
  g_assert_nonnull (strstr (error->message, "Expired Signer <expired@example.org>"));
  g_assert_nonnull (strstr (error->message, "expired."));

  /* Nor can it sign any more. */
  g_clear_error (&error);
  g_clear_pointer (&signature, g_bytes_unref);
  signature = cf_signature_sign ("expired@example.org", data, NULL, &error);
  g_test_message ("%s", error != NULL ? error->message : "(no error)");
  g_assert_error (error, CF_ERROR, CF_ERROR_SIGNATURE);
  g_assert_nonnull (strstr (error->message, "“expired@example.org”"));
  g_assert_null (signature);
}

/* Signed, then the key is revoked with the certificate gpg made with it. */
static void
test_revoked_key (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) data = manifest ();
  g_autoptr(GBytes) signature = NULL;
  g_autofree char *fpr = NULL;
  g_autofree char *cert_path = NULL;
  g_autofree char *import_path = g_build_filename (home, "revocation.asc", NULL);
  g_autofree char *cert = NULL;
  g_autoptr(GString) armour = NULL;
  const char *import[] = { "gpg", "--batch", "--import", import_path, NULL };

  if (skip_without_gnupg ())
    return;

  make_key ("Revoked Signer <revoked@example.org>", "");
  signature = sign_ok ("revoked@example.org", NULL);
  g_assert_true (cf_signature_verify (data, signature, NULL, &error));
  g_assert_no_error (error);

  /* gpg guards the certificate against a careless import with a colon
   * in front of its armour line. */
  fpr = fingerprint_of ("revoked@example.org");
  cert_path = g_strdup_printf ("%s/openpgp-revocs.d/%s.rev", home, fpr);
  g_file_get_contents (cert_path, &cert, NULL, &error);
  g_assert_no_error (error);
  armour = g_string_new (cert);
  g_assert_cmpuint (g_string_replace (armour, ":-----BEGIN", "-----BEGIN", 1), ==, 1);
  g_file_set_contents (import_path, armour->str, -1, &error);
  g_assert_no_error (error);
  g_free (run_gpg (import));

  g_assert_false (cf_signature_verify (data, signature, NULL, &error));
  g_test_message ("%s", error != NULL ? error->message : "(no error)");
  g_assert_error (error, CF_ERROR, CF_ERROR_SIGNATURE);
  g_assert_nonnull (strstr (error->message, "Revoked Signer <revoked@example.org>"));
  g_assert_nonnull (strstr (error->message, "revoked"));
}

static void
set_up_keyring (void)
{
  char template[] = "/tmp/cf-sig-XXXXXX";
  char empty_template[] = "/tmp/cf-sig-XXXXXX";

  home = g_strdup (g_mkdtemp_full (template, 0700));
  empty_home = g_strdup (g_mkdtemp_full (empty_template, 0700));
  g_assert_nonnull (home);
  g_assert_nonnull (empty_home);

  /* GPGME follows the environment, like gpg. */
  g_setenv ("GNUPGHOME", home, TRUE);

  make_key ("Test Signer <signer@example.org>", "");
  fingerprint = fingerprint_of ("signer@example.org");
}

static void
tear_down_keyring (void)
{
  const char *kill_all[] = { "gpgconf", "--kill", "all", NULL };
  const char *remove_sockets[] = { "gpgconf", "--remove-socketdir", NULL };

  /* The agent outlives the test otherwise; with /run/user its sockets live
   * in a folder of their own there. */
  g_free (run_in (home, kill_all, FALSE));
  g_free (run_in (home, remove_sockets, FALSE));
  g_free (run_in (empty_home, kill_all, FALSE));
  g_free (run_in (empty_home, remove_sockets, FALSE));
  test_remove_tree (home);
  test_remove_tree (empty_home);
  g_clear_pointer (&home, g_free);
  g_clear_pointer (&empty_home, g_free);
  g_clear_pointer (&fingerprint, g_free);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *gpg = NULL;
  g_autofree char *agent = NULL;
  g_autofree char *gpgconf = NULL;
  int status;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  gpg = g_find_program_in_path ("gpg");
  agent = g_find_program_in_path ("gpg-agent");
  gpgconf = g_find_program_in_path ("gpgconf");
  have_gnupg = gpg != NULL && agent != NULL && gpgconf != NULL;
  if (have_gnupg)
    set_up_keyring ();

  g_test_add_func ("/signature/sign-verify", test_sign_and_verify);
  g_test_add_func ("/signature/key-names", test_sign_key_names);
  g_test_add_func ("/signature/altered", test_altered);
  g_test_add_func ("/signature/unknown-key", test_unknown_key);
  g_test_add_func ("/signature/not-a-signature", test_not_a_signature);
  g_test_add_func ("/signature/no-such-key", test_no_such_key);
  g_test_add_func ("/signature/locked-key", test_locked_key);
  g_test_add_func ("/signature/expired-key", test_expired_key);
  g_test_add_func ("/signature/revoked-key", test_revoked_key);

  status = g_test_run ();

  if (have_gnupg)
    tear_down_keyring ();

  return status;
}
