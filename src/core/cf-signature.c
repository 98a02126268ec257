/* cf-signature.c — detached OpenPGP signatures of a dossier manifest,
 * made and checked with GnuPG through GPGME
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cf-signature"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <gpgme.h>
#include <locale.h>
#include <string.h>

#include "cf-error.h"
#include "cf-signature.h"

G_DEFINE_AUTO_CLEANUP_FREE_FUNC (gpgme_ctx_t, gpgme_release, NULL)
G_DEFINE_AUTO_CLEANUP_FREE_FUNC (gpgme_data_t, gpgme_data_release, NULL)
G_DEFINE_AUTO_CLEANUP_FREE_FUNC (gpgme_key_t, gpgme_key_unref, NULL)

/* GPGME must be initialised once per process before any context exists.
 * Whether GnuPG itself is installed is remembered with it, so that every
 * later call fails with the same clear error instead of a spawn failure. */
static gpointer
init_gpgme (gpointer data)
{
  gpgme_check_version (NULL);
  gpgme_set_locale (NULL, LC_CTYPE, setlocale (LC_CTYPE, NULL));
  gpgme_set_locale (NULL, LC_MESSAGES, setlocale (LC_MESSAGES, NULL));

  return GUINT_TO_POINTER (gpgme_engine_check_version (GPGME_PROTOCOL_OpenPGP));
}

/* A context for one operation. GPGME leaves the home directory unset, so
 * gpg follows GNUPGHOME (or ~/.gnupg) from our environment.
 *
 * The pinentry mode is "error": when the secret key is protected by a
 * passphrase that gpg-agent does not hold in its cache, signing fails at
 * once with GPG_ERR_NO_PIN_ENTRY. The default mode would start a pinentry,
 * which on a headless machine, over SSH or under a CLI run by a script can
 * wait for input that never comes. A key without a passphrase, or one whose
 * passphrase the agent has cached, signs as usual. */
static gpgme_ctx_t
new_context (GError **error)
{
  static GOnce once = G_ONCE_INIT;
  gpgme_ctx_t ctx = NULL;
  gpgme_error_t err;

  err = GPOINTER_TO_UINT (g_once (&once, init_gpgme, NULL));
  if (err != 0)
    {
      g_set_error (error, CF_ERROR, CF_ERROR_SIGNATURE,
                   _("GnuPG is needed for OpenPGP signatures, but it is missing or too old: %s"),
                   gpgme_strerror (err));
      return NULL;
    }

  err = gpgme_new (&ctx);
  if (err == 0)
    err = gpgme_set_protocol (ctx, GPGME_PROTOCOL_OpenPGP);
  if (err == 0)
    err = gpgme_set_pinentry_mode (ctx, GPGME_PINENTRY_MODE_ERROR);
  if (err != 0)
    {
      g_clear_pointer (&ctx, gpgme_release);
      g_set_error (error, CF_ERROR, CF_ERROR_SIGNATURE,
                   _("Could not start GnuPG: %s"), gpgme_strerror (err));
      return NULL;
    }

  /* Binary mode: the signature covers the exact bytes, line ends included. */
  gpgme_set_armor (ctx, 1);
  gpgme_set_textmode (ctx, 0);

  return ctx;
}

static gpgme_error_t
data_from_bytes (gpgme_data_t *out,
                 GBytes       *bytes)
{
  gsize size;
  const char *ptr = g_bytes_get_data (bytes, &size);

  /* No copy: the GBytes outlives the operation. */
  return gpgme_data_new_from_mem (out, ptr != NULL ? ptr : "", size, 0);
}

/* "0123ABCD…" becomes "0123 ABCD …", as people read fingerprints aloud. */
static char *
format_fingerprint (const char *fpr)
{
  GString *out = g_string_new (NULL);

  for (gsize i = 0; fpr != NULL && fpr[i] != '\0'; i++)
    {
      if (i > 0 && i % 4 == 0)
        g_string_append_c (out, ' ');
      g_string_append_c (out, g_ascii_toupper (fpr[i]));
    }

  return g_string_free (out, FALSE);
}

static char *
describe_key (gpgme_key_t key)
{
  g_autofree char *grouped = NULL;
  g_autofree char *who = NULL;
  const char *fpr = key->fpr;
  gpgme_user_id_t uid;

  if (fpr == NULL && key->subkeys != NULL)
    fpr = key->subkeys->fpr;
  grouped = format_fingerprint (fpr);

  /* The primary user ID comes first; skip revoked ones. */
  for (uid = key->uids; uid != NULL; uid = uid->next)
    if (!uid->revoked && !uid->invalid)
      break;
  if (uid == NULL)
    uid = key->uids;

  if (uid != NULL)
    {
      gboolean has_name = uid->name != NULL && uid->name[0] != '\0';
      gboolean has_email = uid->email != NULL && uid->email[0] != '\0';

      if (has_name && has_email)
        who = g_strdup_printf ("%s <%s>", uid->name, uid->email);
      else if (has_name)
        who = g_strdup (uid->name);
      else if (has_email)
        who = g_strdup_printf ("<%s>", uid->email);
      else if (uid->uid != NULL && uid->uid[0] != '\0')
        who = g_strdup (uid->uid);
    }

  if (who == NULL)
    return g_strdup_printf (_("an unnamed key, fingerprint %s"), grouped);

  /* Translators: the first %s is "Name <email>", the second a fingerprint
   * in groups of four hex digits. */
  return g_strdup_printf (_("%s, fingerprint %s"), who, grouped);
}

/* Names the key with the (sub)key fingerprint @fpr from the keyring. It
 * uses a context of its own so as not to discard the caller's result. */
static char *
describe_fingerprint (const char *fpr)
{
  g_auto(gpgme_ctx_t) ctx = NULL;
  g_auto(gpgme_key_t) key = NULL;
  g_autofree char *grouped = NULL;

  ctx = new_context (NULL);
  if (ctx != NULL && fpr != NULL && gpgme_get_key (ctx, fpr, &key, 0) == 0)
    return describe_key (key);

  grouped = format_fingerprint (fpr);
  return g_strdup_printf (_("the key with fingerprint %s"), grouped);
}

static gboolean
can_sign_with (gpgme_key_t key)
{
  if (key->revoked || key->expired || key->disabled || key->invalid || !key->can_sign)
    return FALSE;

  for (gpgme_subkey_t sub = key->subkeys; sub != NULL; sub = sub->next)
    if (sub->can_sign && sub->secret && !sub->revoked && !sub->expired && !sub->disabled
        && !sub->invalid)
      return TRUE;

  return FALSE;
}

/* A fingerprint copied as shown ("0123 ABCD …") is found like the compact
 * one: gpg would take the spaced form for a user ID. */
static char *
compact_pattern (const char *pattern)
{
  gboolean hex_and_spaces = TRUE;
  GString *out;

  for (const char *p = pattern; *p != '\0'; p++)
    if (!g_ascii_isxdigit (*p) && *p != ' ')
      hex_and_spaces = FALSE;
  if (!hex_and_spaces || strchr (pattern, ' ') == NULL)
    return g_strdup (pattern);

  out = g_string_new (NULL);
  for (const char *p = pattern; *p != '\0'; p++)
    if (*p != ' ')
      g_string_append_c (out, *p);

  return g_string_free (out, FALSE);
}

/* The first secret key matching @pattern that can make signatures, as
 * `gpg --local-user` would pick it. */
static gpgme_key_t
find_secret_key (gpgme_ctx_t   ctx,
                 const char   *pattern,
                 GError      **error)
{
  g_autofree char *compact = compact_pattern (pattern);
  g_auto(gpgme_key_t) usable = NULL;
  g_auto(gpgme_key_t) unusable = NULL;
  gpgme_error_t err;

  err = gpgme_op_keylist_start (ctx, compact, 1);
  while (err == 0)
    {
      gpgme_key_t candidate = NULL;

      err = gpgme_op_keylist_next (ctx, &candidate);
      if (err != 0)
        break;
      if (usable == NULL && can_sign_with (candidate))
        usable = candidate;
      else if (unusable == NULL)
        unusable = candidate;
      else
        gpgme_key_unref (candidate);
    }
  gpgme_op_keylist_end (ctx);

  if (gpgme_err_code (err) != GPG_ERR_EOF)
    {
      g_set_error (error, CF_ERROR, CF_ERROR_SIGNATURE,
                   _("Could not look up the secret key “%s”: %s"), pattern, gpgme_strerror (err));
      return NULL;
    }
  if (usable != NULL)
    return g_steal_pointer (&usable);

  if (unusable == NULL)
    g_set_error (error, CF_ERROR, CF_ERROR_NOT_FOUND,
                 _("There is no secret key “%s” in the OpenPGP keyring to sign with: "
                   "create or import it, or name another key."), pattern);
  else if (unusable->revoked)
    g_set_error (error, CF_ERROR, CF_ERROR_SIGNATURE,
                 _("The secret key “%s” cannot sign: it has been revoked."), pattern);
  else if (unusable->expired)
    g_set_error (error, CF_ERROR, CF_ERROR_SIGNATURE,
                 _("The secret key “%s” cannot sign: it has expired."), pattern);
  else
    g_set_error (error, CF_ERROR, CF_ERROR_SIGNATURE,
                 _("The key “%s” cannot make signatures: it is disabled, or its secret "
                   "signing key is not on this computer."), pattern);

  return NULL;
}

static void
set_sign_error (const char     *key,
                gpgme_error_t   err,
                GError        **error)
{
  switch (gpgme_err_code (err))
    {
    case GPG_ERR_NO_PIN_ENTRY:
    case GPG_ERR_CANCELED:
    case GPG_ERR_FULLY_CANCELED:
    case GPG_ERR_NO_PASSPHRASE:
    case GPG_ERR_BAD_PASSPHRASE:
      if (key != NULL)
        g_set_error (error, CF_ERROR, CF_ERROR_SIGNATURE,
                     _("The secret key “%s” is locked by a passphrase, and Conformity never "
                       "asks for one: let gpg-agent remember it first (sign anything with "
                       "gpg), or use a key without a passphrase."), key);
      else
        g_set_error_literal (error, CF_ERROR, CF_ERROR_SIGNATURE,
                             _("The default secret key is locked by a passphrase, and "
                               "Conformity never asks for one: let gpg-agent remember it "
                               "first (sign anything with gpg), or use a key without a "
                               "passphrase."));
      break;

    case GPG_ERR_NO_SECKEY:
    case GPG_ERR_UNUSABLE_SECKEY:
      if (key != NULL)
        g_set_error (error, CF_ERROR, CF_ERROR_NOT_FOUND,
                     _("There is no usable secret key “%s” in the OpenPGP keyring to sign "
                       "with: create or import it, or name another key."), key);
      else
        g_set_error_literal (error, CF_ERROR, CF_ERROR_NOT_FOUND,
                             _("There is no secret key in the OpenPGP keyring to sign with: "
                               "create or import one, or name a key."));
      break;

    default:
      if (key != NULL)
        g_set_error (error, CF_ERROR, CF_ERROR_SIGNATURE,
                     _("GnuPG could not sign with the key “%s”: %s"), key, gpgme_strerror (err));
      else
        g_set_error (error, CF_ERROR, CF_ERROR_SIGNATURE,
                     _("GnuPG could not sign with the default key: %s"), gpgme_strerror (err));
      break;
    }
}

GBytes *
cf_signature_sign (const char  *key,
                   GBytes      *data,
                   char       **signer_out,
                   GError     **error)
{
  g_auto(gpgme_ctx_t) ctx = NULL;
  g_auto(gpgme_data_t) plain = NULL;
  g_auto(gpgme_data_t) armoured = NULL;
  g_auto(gpgme_key_t) signing_key = NULL;
  g_autofree char *signer = NULL;
  gpgme_sign_result_t result;
  gpgme_error_t err;
  GBytes *signature;
  char *buffer;
  size_t length = 0;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  ctx = new_context (error);
  if (ctx == NULL)
    return NULL;

  /* Without a key, gpg picks its default (default-key in gpg.conf, else
   * the first secret key), just as a plain `gpg --detach-sign` would. */
  if (key != NULL)
    {
      signing_key = find_secret_key (ctx, key, error);
      if (signing_key == NULL)
        return NULL;
      err = gpgme_signers_add (ctx, signing_key);
      if (err != 0)
        {
          set_sign_error (key, err, error);
          return NULL;
        }
    }

  err = data_from_bytes (&plain, data);
  if (err == 0)
    err = gpgme_data_new (&armoured);
  if (err == 0)
    err = gpgme_op_sign (ctx, plain, armoured, GPGME_SIG_MODE_DETACH);

  /* An unusable signer is reported in the result, with a finer reason. */
  result = gpgme_op_sign_result (ctx);
  if (result != NULL && result->invalid_signers != NULL && result->invalid_signers->reason != 0)
    err = result->invalid_signers->reason;
  else if (err == 0 && (result == NULL || result->signatures == NULL))
    err = gpg_error (GPG_ERR_GENERAL);
  if (err != 0)
    {
      set_sign_error (key, err, error);
      return NULL;
    }

  if (signing_key != NULL)
    signer = describe_key (signing_key);
  else
    signer = describe_fingerprint (result->signatures->fpr);

  buffer = gpgme_data_release_and_get_mem (g_steal_pointer (&armoured), &length);
  if (buffer == NULL)
    {
      g_set_error_literal (error, CF_ERROR, CF_ERROR_SIGNATURE,
                           _("GnuPG made a signature but it could not be read back."));
      return NULL;
    }
  signature = g_bytes_new (buffer, length);
  gpgme_free (buffer);

  if (signer_out != NULL)
    *signer_out = g_steal_pointer (&signer);

  return signature;
}

/* Whether gpg refused the input as no OpenPGP signature. gpg reports an
 * OpenPGP packet it does not expect there (a key, an encrypted message) as
 * "UNEXPECTED", which GPGME turns into a general error. */
static gboolean
is_not_openpgp (gpgme_error_t err)
{
  switch (gpgme_err_code (err))
    {
    case GPG_ERR_GENERAL:
    case GPG_ERR_UNEXPECTED:
    case GPG_ERR_NO_DATA:
    case GPG_ERR_BAD_DATA:
    case GPG_ERR_INV_PACKET:
    case GPG_ERR_UNKNOWN_PACKET:
    case GPG_ERR_INV_DATA:
    case GPG_ERR_ASS_NO_INPUT:
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
check_signature (gpgme_signature_t   sig,
                 GError            **error)
{
  g_autofree char *grouped = format_fingerprint (sig->fpr);
  g_autofree char *signer = NULL;

  switch (gpgme_err_code (sig->status))
    {
    case GPG_ERR_NO_ERROR:
      break;

    case GPG_ERR_BAD_SIGNATURE:
      g_set_error_literal (error, CF_ERROR, CF_ERROR_MISMATCH,
                           _("The signature does not match the data: the data was altered "
                             "after it was signed, or the signature belongs to other data."));
      return FALSE;

    case GPG_ERR_NO_PUBKEY:
      /* Old signatures name the key by its 64-bit ID only. */
      if (sig->fpr != NULL && strlen (sig->fpr) >= 40)
        g_set_error (error, CF_ERROR, CF_ERROR_NOT_FOUND,
                     _("The signature was made with a key that is not in the OpenPGP keyring, "
                       "fingerprint %s: import that key (for example with “gpg --recv-keys "
                       "%s”), check its fingerprint with the signer, and verify again."),
                     grouped, sig->fpr);
      else
        g_set_error (error, CF_ERROR, CF_ERROR_NOT_FOUND,
                     _("The signature was made with a key that is not in the OpenPGP keyring, "
                       "key ID %s: import that key, check its fingerprint with the signer, "
                       "and verify again."), grouped);
      return FALSE;

    case GPG_ERR_KEY_EXPIRED:
    case GPG_ERR_CERT_EXPIRED:
      signer = describe_fingerprint (sig->fpr);
      g_set_error (error, CF_ERROR, CF_ERROR_SIGNATURE,
                   _("The signature was made by %s, but that key has expired."), signer);
      return FALSE;

    case GPG_ERR_CERT_REVOKED:
      signer = describe_fingerprint (sig->fpr);
      g_set_error (error, CF_ERROR, CF_ERROR_SIGNATURE,
                   _("The signature was made by %s, but that key has been revoked: "
                     "do not trust it."), signer);
      return FALSE;

    case GPG_ERR_SIG_EXPIRED:
      signer = describe_fingerprint (sig->fpr);
      g_set_error (error, CF_ERROR, CF_ERROR_SIGNATURE,
                   _("The signature by %s has expired."), signer);
      return FALSE;

    default:
      g_set_error (error, CF_ERROR, CF_ERROR_SIGNATURE,
                   _("The signature could not be checked: %s"), gpgme_strerror (sig->status));
      return FALSE;
    }

  /* A good signature still fails when its key went bad since, or when the
   * owner of the keyring marked that key as never to be trusted. */
  if (sig->summary & GPGME_SIGSUM_KEY_REVOKED)
    {
      signer = describe_fingerprint (sig->fpr);
      g_set_error (error, CF_ERROR, CF_ERROR_SIGNATURE,
                   _("The signature was made by %s, but that key has been revoked: "
                     "do not trust it."), signer);
      return FALSE;
    }
  if (sig->summary & GPGME_SIGSUM_KEY_EXPIRED)
    {
      signer = describe_fingerprint (sig->fpr);
      g_set_error (error, CF_ERROR, CF_ERROR_SIGNATURE,
                   _("The signature was made by %s, but that key has expired."), signer);
      return FALSE;
    }
  if (sig->summary & GPGME_SIGSUM_SIG_EXPIRED)
    {
      signer = describe_fingerprint (sig->fpr);
      g_set_error (error, CF_ERROR, CF_ERROR_SIGNATURE,
                   _("The signature by %s has expired."), signer);
      return FALSE;
    }
  if ((sig->summary & GPGME_SIGSUM_RED) || sig->validity == GPGME_VALIDITY_NEVER)
    {
      signer = describe_fingerprint (sig->fpr);
      g_set_error (error, CF_ERROR, CF_ERROR_SIGNATURE,
                   _("The signature was made by %s, but that key is marked as never to be "
                     "trusted."), signer);
      return FALSE;
    }

  return TRUE;
}

gboolean
cf_signature_verify (GBytes      *data,
                     GBytes      *signature,
                     char       **signer_out,
                     GError     **error)
{
  g_auto(gpgme_ctx_t) ctx = NULL;
  g_auto(gpgme_data_t) signed_text = NULL;
  g_auto(gpgme_data_t) sig_data = NULL;
  gpgme_verify_result_t result;
  gpgme_error_t err;

  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (signature != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  ctx = new_context (error);
  if (ctx == NULL)
    return FALSE;

  err = data_from_bytes (&sig_data, signature);
  if (err == 0)
    err = data_from_bytes (&signed_text, data);
  if (err == 0)
    err = gpgme_op_verify (ctx, sig_data, signed_text, NULL);
  result = gpgme_op_verify_result (ctx);

  if (err != 0 && !is_not_openpgp (err))
    {
      g_set_error (error, CF_ERROR, CF_ERROR_SIGNATURE,
                   _("GnuPG could not check the signature: %s"), gpgme_strerror (err));
      return FALSE;
    }
  /* A signed message or a clear-signed text carries its own data: gpg
   * then checks nothing against @data and reports no signature. */
  if (err != 0 || result == NULL || result->signatures == NULL)
    {
      g_set_error_literal (error, CF_ERROR, CF_ERROR_INVALID_INPUT,
                           _("The signature is not a detached OpenPGP signature, or it is damaged."));
      return FALSE;
    }

  /* A detached signature may hold several; every one of them must hold. */
  for (gpgme_signature_t sig = result->signatures; sig != NULL; sig = sig->next)
    if (!check_signature (sig, error))
      return FALSE;

  if (signer_out != NULL)
    *signer_out = describe_fingerprint (result->signatures->fpr);

  return TRUE;
}
