/* cf-signature.h — detached OpenPGP signatures of a dossier manifest,
 * made and checked with GnuPG through GPGME
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Both functions use the GnuPG home of the environment (GNUPGHOME, else
 * ~/.gnupg) and never prompt for a passphrase: see cf-signature.c.
 *
 * On success, @signer_out (may be NULL) receives a newly allocated
 * "Name <email>, fingerprint XXXX XXXX …" naming the signing key by its
 * primary key's fingerprint, in groups of four hex digits. It is left
 * untouched on failure; the error message then names the key instead.
 *
 * cf_signature_sign() returns an ASCII-armoured detached signature of @data
 * made with the secret key @key (a fingerprint, key ID or e-mail address;
 * NULL for GnuPG's default key). Errors: CF_ERROR_NOT_FOUND when there is
 * no such secret key, CF_ERROR_SIGNATURE when the key cannot sign (expired,
 * revoked, or locked by a passphrase no agent holds) or GnuPG fails.
 *
 * cf_signature_verify() returns TRUE only when @signature is a good
 * signature of @data by a key in the keyring that is neither expired nor
 * revoked. It does not ask the web of trust: the caller shows the
 * fingerprint and the reviewer compares it with the one the manufacturer
 * published. Errors: CF_ERROR_MISMATCH when the data was altered,
 * CF_ERROR_NOT_FOUND when the signing key is not in the keyring (the message
 * gives its fingerprint), CF_ERROR_SIGNATURE when the key is expired,
 * revoked or marked as never to be trusted, and CF_ERROR_INVALID_INPUT
 * when @signature is not an OpenPGP signature. */
GBytes   *cf_signature_sign   (const char  *key,
                               GBytes      *data,
                               char       **signer_out,
                               GError     **error);
gboolean  cf_signature_verify (GBytes      *data,
                               GBytes      *signature,
                               char       **signer_out,
                               GError     **error);

G_END_DECLS
