/* fuzz.h — what the fuzz targets and the corpus replay share
 *
 * Every target is one function taking one input, which aborts on a broken
 * promise and returns 0 otherwise, as libFuzzer wants. fuzz-entry.c turns
 * one of them into a libFuzzer target; fuzz-replay.c runs every corpus
 * through them in any build.
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The targets, one per parser of outside input (README.md). */
int cf_fuzz_catalogue        (const guint8 *data,
                              gsize         size);
int cf_fuzz_sbom             (const guint8 *data,
                              gsize         size);
int cf_fuzz_dossier_archive  (const guint8 *data,
                              gsize         size);
int cf_fuzz_dossier_manifest (const guint8 *data,
                              gsize         size);
int cf_fuzz_findings         (const guint8 *data,
                              gsize         size);
int cf_fuzz_assessment_xml   (const guint8 *data,
                              gsize         size);
int cf_fuzz_cli_args         (const guint8 *data,
                              gsize         size);
int cf_fuzz_dates            (const guint8 *data,
                              gsize         size);

/* fuzz-common.c */

void        cf_fuzz_init            (void);
const char *cf_fuzz_scratch_dir     (void);
char       *cf_fuzz_scratch_path    (const char    *name);
void        cf_fuzz_remove_contents (const char    *path);
void        cf_fuzz_check_text      (const char    *text);
void        cf_fuzz_check_outcome   (gboolean       have_result,
                                     const GError  *error,
                                     const char    *shown);
GBytes     *cf_fuzz_zip             (const char * const *names,
                                     GBytes * const     *contents,
                                     guint               n_members);

G_END_DECLS
