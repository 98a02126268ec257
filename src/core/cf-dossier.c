/* cf-dossier.c — one ZIP holding a product's documents and evidence, sealed
 * by the SHA-256 of its manifest
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cf-dossier"

#include "config.h"

#include <archive.h>
#include <archive_entry.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <inttypes.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cf-assessment-xml.h"
#include "cf-dossier.h"
#include "cf-error.h"
#include "cf-field.h"
#include "cf-sbom-private.h"
#include "cf-signature.h"

#define CHUNK_SIZE (64 * 1024)

/* The manifest is small: a few hundred bytes a member. */
#define MAX_MANIFEST_SIZE (G_GUINT64_CONSTANT (64) << 20)

/* The central directory of 100,000 members with long names fits easily. */
#define MAX_CENTRAL_DIRECTORY (G_GUINT64_CONSTANT (512) << 20)

/* ─── Writing: a GOutputStream that feeds the current archive entry ─── */

struct Progress
{
  CfProgressFunc  func;
  gpointer        data;
  guint64         done;
  guint64         total;
};

#define CF_TYPE_DOSSIER_SINK (cf_dossier_sink_get_type ())
G_DECLARE_FINAL_TYPE (CfDossierSink, cf_dossier_sink, CF, DOSSIER_SINK, GOutputStream)

struct _CfDossierSink
{
  GOutputStream    parent_instance;
  struct archive  *archive;
  GChecksum       *checksum;
  guint64          written;
  struct Progress *progress;    /* of the whole export, or NULL */
};

G_DEFINE_FINAL_TYPE (CfDossierSink, cf_dossier_sink, G_TYPE_OUTPUT_STREAM)

static gssize
cf_dossier_sink_write_fn (GOutputStream  *stream,
                          const void     *buffer,
                          gsize           count,
                          GCancellable   *cancellable,
                          GError        **error)
{
  CfDossierSink *self = CF_DOSSIER_SINK (stream);
  la_ssize_t n;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return -1;

  n = archive_write_data (self->archive, buffer, count);
  if (n < 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not write the dossier: %s"),
                   archive_error_string (self->archive));
      return -1;
    }

  g_checksum_update (self->checksum, buffer, n);
  self->written += n;

  if (self->progress != NULL && self->progress->func != NULL)
    {
      self->progress->done += n;
      self->progress->func (self->progress->done, self->progress->total, self->progress->data);
    }

  return n;
}

static void
cf_dossier_sink_finalize (GObject *object)
{
  CfDossierSink *self = CF_DOSSIER_SINK (object);

  g_checksum_free (self->checksum);

  G_OBJECT_CLASS (cf_dossier_sink_parent_class)->finalize (object);
}

static void
cf_dossier_sink_class_init (CfDossierSinkClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cf_dossier_sink_finalize;
  G_OUTPUT_STREAM_CLASS (klass)->write_fn = cf_dossier_sink_write_fn;
}

static void
cf_dossier_sink_init (CfDossierSink *self)
{
  self->checksum = g_checksum_new (G_CHECKSUM_SHA256);
}

static CfDossierSink *
cf_dossier_sink_new (struct archive  *archive,
                     struct Progress *progress)
{
  CfDossierSink *self = g_object_new (CF_TYPE_DOSSIER_SINK, NULL);

  self->archive = archive;
  self->progress = progress;

  return self;
}

/* ─── Export ─── */

typedef struct
{
  char    *path;
  guint64  size;
  char    *sha256;
} Member;

static void
member_free (Member *member)
{
  g_free (member->path);
  g_free (member->sha256);
  g_free (member);
}

typedef enum
{
  SOURCE_DOCUMENT,
  SOURCE_EVIDENCE,
} Source;

/* An original file name, made safe as one component of a path. */
static char *
dup_safe_name (const char *file_name)
{
  g_autofree char *name = g_utf8_make_valid (file_name != NULL ? file_name : "", -1);

  g_strdelimit (name, "/\\:", '_');
  for (char *p = name; *p != '\0'; p++)
    if ((guchar) *p < 0x20)
      *p = '_';

  if (*name == '\0' || g_str_equal (name, ".") || g_str_equal (name, ".."))
    return g_strdup ("file");

  return g_steal_pointer (&name);
}

static gboolean
write_header (struct archive  *archive,
              const char      *path,
              guint64          size,
              gint64           mtime,
              GError         **error)
{
  struct archive_entry *entry = archive_entry_new ();
  int rc;

  archive_entry_set_pathname_utf8 (entry, path);
  archive_entry_set_size (entry, (la_int64_t) size);
  archive_entry_set_filetype (entry, AE_IFREG);
  archive_entry_set_perm (entry, 0644);
  archive_entry_set_mtime (entry, (time_t) mtime, 0);

  rc = archive_write_header (archive, entry);
  archive_entry_free (entry);

  if (rc < ARCHIVE_WARN)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not add “%s” to the dossier: %s"),
                   path, archive_error_string (archive));
      return FALSE;
    }

  return TRUE;
}

/* Everything one export needs, passed from member to member. */
typedef struct
{
  CfStore          *store;
  struct archive   *archive;
  gint64            mtime;
  GPtrArray        *members;    /* of Member, in the order written */
  struct Progress   progress;
  GCancellable     *cancellable;
} Export;

static gboolean
add_member (Export      *export,
            const char  *path,
            guint64      size,
            Source       source,
            gint64       id,
            gint         version,
            GBytes      *content,
            GError     **error)
{
  g_autoptr(CfDossierSink) sink = NULL;
  Member *member;
  gboolean ok;

  if (g_cancellable_set_error_if_cancelled (export->cancellable, error) ||
      !write_header (export->archive, path, size, export->mtime, error))
    return FALSE;

  sink = cf_dossier_sink_new (export->archive, &export->progress);
  if (content != NULL)
    ok = g_output_stream_write_all (G_OUTPUT_STREAM (sink), g_bytes_get_data (content, NULL),
                                    g_bytes_get_size (content), NULL, export->cancellable, error);
  else if (source == SOURCE_DOCUMENT)
    ok = cf_store_write_document (export->store, id, G_OUTPUT_STREAM (sink),
                                  export->cancellable, error);
  else
    ok = cf_store_write_evidence (export->store, id, version, G_OUTPUT_STREAM (sink),
                                  export->cancellable, error);
  if (!ok)
    return FALSE;

  if (sink->written != size)
    {
      g_set_error (error, CF_ERROR, CF_ERROR_MISMATCH,
                   _("“%s” holds %" PRIu64 " bytes, not the %" PRIu64 " recorded: "
                     "the database has been altered or damaged."),
                   path, sink->written, size);
      return FALSE;
    }

  member = g_new0 (Member, 1);
  member->path = g_strdup (path);
  member->size = size;
  member->sha256 = g_strdup (g_checksum_get_string (sink->checksum));
  g_ptr_array_add (export->members, member);

  return TRUE;
}

static gboolean
add_bytes_member (Export      *export,
                  const char  *path,
                  GBytes      *content,
                  GError     **error)
{
  return add_member (export, path, g_bytes_get_size (content), SOURCE_DOCUMENT, 0, 0, content,
                     error);
}

static void
add_string_member (JsonBuilder *builder,
                   const char  *name,
                   const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static GBytes *
build_manifest (CfAssessmentData  *data,
                GPtrArray         *members,
                const char        *exported_at)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  gsize length;
  char *text;

  json_builder_begin_object (builder);
  add_string_member (builder, "format", "conformity-dossier");
  json_builder_set_member_name (builder, "format_version");
  json_builder_add_int_value (builder, CF_DOSSIER_FORMAT_VERSION);
  add_string_member (builder, "conformity_version", PACKAGE_VERSION);
  add_string_member (builder, "exported_at", exported_at);

  json_builder_set_member_name (builder, "product");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, data->product_id);
  add_string_member (builder, "name", data->product_name);
  add_string_member (builder, "model", data->product_model);
  add_string_member (builder, "version", data->product_version);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "manufacturer");
  json_builder_begin_object (builder);
  add_string_member (builder, "name", data->manufacturer_name);
  add_string_member (builder, "address", data->manufacturer_address);
  json_builder_end_object (builder);

  add_string_member (builder, "category", data->category);

  /* The procedure the declaration names, and every one Article 32 leaves
   * open for the product's category. */
  add_string_member (builder, "procedure", data->procedure);
  json_builder_set_member_name (builder, "procedures");
  json_builder_begin_array (builder);
  for (guint i = 0; data->procedures[i] != NULL; i++)
    json_builder_add_string_value (builder, data->procedures[i]);
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "members");
  json_builder_begin_array (builder);
  for (guint i = 0; i < members->len; i++)
    {
      Member *member = g_ptr_array_index (members, i);

      json_builder_begin_object (builder);
      add_string_member (builder, "path", member->path);
      json_builder_set_member_name (builder, "size");
      json_builder_add_int_value (builder, (gint64) member->size);
      add_string_member (builder, "sha256", member->sha256);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, &length);

  return g_bytes_new_take (text, length);
}

/* The latest version of each kind of document, in the order of the kinds. */
static GPtrArray *
latest_documents (CfStore  *store,
                  gint64    product_id,
                  GError  **error)
{
  g_autoptr(GPtrArray) documents = cf_store_list_documents (store, product_id, error);
  g_autoptr(GHashTable) latest = NULL;
  GPtrArray *chosen;
  const char * const *kinds = cf_document_kind_list ();

  if (documents == NULL)
    return NULL;

  latest = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < documents->len; i++)
    {
      CfDocumentInfo *doc = g_ptr_array_index (documents, i);
      CfDocumentInfo *known = g_hash_table_lookup (latest, cf_document_info_get_kind (doc));

      if (known == NULL || cf_document_info_get_version (doc) > cf_document_info_get_version (known))
        g_hash_table_insert (latest, (gpointer) cf_document_info_get_kind (doc), doc);
    }

  chosen = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; kinds[i] != NULL; i++)
    {
      CfDocumentInfo *doc = g_hash_table_lookup (latest, kinds[i]);

      if (doc != NULL)
        {
          g_ptr_array_add (chosen, g_object_ref (doc));
          g_hash_table_remove (latest, kinds[i]);
        }
    }
  /* Kinds this build does not list are exported too, after the others. */
  for (guint i = 0; i < documents->len; i++)
    {
      CfDocumentInfo *doc = g_ptr_array_index (documents, i);

      if (g_hash_table_lookup (latest, cf_document_info_get_kind (doc)) == doc)
        g_ptr_array_add (chosen, g_object_ref (doc));
    }

  return chosen;
}

static char *
document_member_path (CfDocumentInfo *doc)
{
  const char *language = cf_document_info_get_language (doc);
  g_autofree char *kind = dup_safe_name (cf_document_info_get_kind (doc));
  g_autofree char *lang = dup_safe_name (language != NULL ? language : "en");

  return g_strdup_printf ("documents/%s-v%d-%s.pdf", kind, cf_document_info_get_version (doc), lang);
}

static gboolean
write_members (Export                        *export,
               CfCatalogue                   *catalogue,
               gint64                         product_id,
               const char                    *exported_at,
               const CfDossierExportOptions  *options,
               CfDossierExportResult         *result,
               GError                       **error)
{
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GPtrArray) evidence = NULL;
  g_autoptr(CfAssessmentData) data = NULL;
  g_autoptr(GBytes) assessment = NULL;
  g_autoptr(GBytes) manifest = NULL;
  g_autoptr(GBytes) signature = NULL;
  g_autoptr(CfDossierSink) sink = NULL;
  guint64 total = 0;

  documents = latest_documents (export->store, product_id, error);
  if (documents == NULL)
    return FALSE;

  evidence = cf_store_list_evidence (export->store, product_id, error);
  if (evidence == NULL)
    return FALSE;

  data = cf_assessment_data_load (export->store, catalogue, product_id, error);
  if (data == NULL)
    return FALSE;
  g_free (data->exported_at);
  data->exported_at = g_strdup (exported_at);

  assessment = cf_assessment_xml_write (data, error);
  if (assessment == NULL)
    return FALSE;

  /* Progress counts content bytes; the manifest is too small to matter. */
  for (guint i = 0; i < documents->len; i++)
    export->progress.total += (guint64) cf_document_info_get_size (g_ptr_array_index (documents, i));
  for (guint i = 0; i < evidence->len; i++)
    {
      const CfEvidenceVersion *latest = cf_evidence_get_latest (g_ptr_array_index (evidence, i));

      if (latest != NULL)
        export->progress.total += latest->size;
    }
  export->progress.total += g_bytes_get_size (assessment);

  for (guint i = 0; i < documents->len; i++)
    {
      CfDocumentInfo *doc = g_ptr_array_index (documents, i);
      g_autofree char *path = document_member_path (doc);

      if (!add_member (export, path, (guint64) cf_document_info_get_size (doc), SOURCE_DOCUMENT,
                       cf_document_info_get_id (doc), 0, NULL, error))
        return FALSE;
    }

  for (guint i = 0; i < evidence->len; i++)
    {
      CfEvidence *item = g_ptr_array_index (evidence, i);
      const CfEvidenceVersion *latest = cf_evidence_get_latest (item);
      g_autofree char *name = NULL;
      g_autofree char *path = NULL;

      if (latest == NULL)
        continue;

      name = dup_safe_name (latest->file_name);
      path = g_strdup_printf ("evidence/E%" G_GINT64_FORMAT "/%s", cf_evidence_get_id (item), name);
      if (!add_member (export, path, latest->size, SOURCE_EVIDENCE, cf_evidence_get_id (item),
                       latest->version, NULL, error))
        return FALSE;
    }

  if (!add_bytes_member (export, CF_ASSESSMENT_XML_MEMBER, assessment, error))
    return FALSE;

  manifest = build_manifest (data, export->members, exported_at);

  if (options != NULL && options->sign_key != NULL)
    {
      signature = cf_signature_sign (options->sign_key, manifest, &result->signer, error);
      if (signature == NULL)
        return FALSE;
    }

  if (g_cancellable_set_error_if_cancelled (export->cancellable, error) ||
      !write_header (export->archive, CF_DOSSIER_MANIFEST, g_bytes_get_size (manifest),
                     export->mtime, error))
    return FALSE;

  sink = cf_dossier_sink_new (export->archive, NULL);
  if (!g_output_stream_write_all (G_OUTPUT_STREAM (sink), g_bytes_get_data (manifest, NULL),
                                  g_bytes_get_size (manifest), NULL, export->cancellable, error))
    return FALSE;
  result->seal = g_strdup (g_checksum_get_string (sink->checksum));

  /* The signature comes after the manifest it signs and is not listed in it. */
  if (signature != NULL)
    {
      g_clear_object (&sink);
      if (!write_header (export->archive, CF_DOSSIER_SIGNATURE, g_bytes_get_size (signature),
                         export->mtime, error))
        return FALSE;
      sink = cf_dossier_sink_new (export->archive, NULL);
      if (!g_output_stream_write_all (G_OUTPUT_STREAM (sink), g_bytes_get_data (signature, NULL),
                                      g_bytes_get_size (signature), NULL, export->cancellable,
                                      error))
        return FALSE;
    }

  for (guint i = 0; i < export->members->len; i++)
    total += ((Member *) g_ptr_array_index (export->members, i))->size;

  result->n_members = export->members->len + 1 + (signature != NULL ? 1 : 0);
  result->n_bytes = total + g_bytes_get_size (manifest) +
                    (signature != NULL ? g_bytes_get_size (signature) : 0);

  return TRUE;
}

/* A seal is a SHA-256: 64 hexadecimal digits, in either case. */
gboolean
cf_dossier_seal_is_valid (const char *text)
{
  if (text == NULL || strlen (text) != 64)
    return FALSE;

  for (guint i = 0; i < 64; i++)
    if (!g_ascii_isxdigit (text[i]))
      return FALSE;

  return TRUE;
}

void
cf_dossier_export_result_clear (CfDossierExportResult *result)
{
  g_clear_pointer (&result->seal, g_free);
  g_clear_pointer (&result->signer, g_free);
  result->n_members = 0;
  result->n_bytes = 0;
}

static void
set_write_error (GError     **error,
                 const char  *shown,
                 int          saved_errno)
{
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               _("Cannot write the dossier “%s”: %s"), shown, g_strerror (saved_errno));
}

/**
 * cf_dossier_export_with:
 * @out: the ZIP to write; replaced only once complete
 * @options: (nullable): signing and progress
 * @result: (out caller-allocates): the seal and counts; clear with
 *   cf_dossier_export_result_clear()
 *
 * Writes the latest version of each of the product's documents and of each
 * item of its evidence (SBOMs included), the assessment as XML, then a
 * manifest listing them with their SHA-256, and, when a key is given, a
 * detached OpenPGP signature of the manifest. Content is streamed from the
 * store, never held whole in memory. The ZIP is written beside @out under
 * a temporary name and renamed into place when complete; on failure or
 * cancellation no file is left under either name. The export is recorded
 * in the project, so that findings on it can be imported later.
 */
gboolean
cf_dossier_export_with (CfStore                       *store,
                        CfCatalogue                   *catalogue,
                        gint64                         product_id,
                        GFile                         *out,
                        const CfDossierExportOptions  *options,
                        CfDossierExportResult         *result,
                        GCancellable                  *cancellable,
                        GError                       **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(CfProduct) product = NULL;
  g_autoptr(GPtrArray) members = g_ptr_array_new_with_free_func ((GDestroyNotify) member_free);
  g_autofree char *exported_at = NULL;
  g_autofree char *tmp_path = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *base = NULL;
  Export export = { 0 };
  struct archive *archive;
  const char *path;
  gboolean ok;
  int fd;

  g_return_val_if_fail (CF_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_FILE (out), FALSE);
  g_return_val_if_fail (result != NULL, FALSE);

  memset (result, 0, sizeof *result);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  product = cf_store_get_product (store, product_id, error);
  if (product == NULL)
    return FALSE;

  shown = g_file_get_parse_name (out);
  path = g_file_peek_path (out);
  if (path == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("Cannot write the dossier “%s”: only local files are supported."), shown);
      return FALSE;
    }

  tmp_path = g_strconcat (path, ".part-XXXXXX", NULL);
  fd = g_mkstemp_full (tmp_path, O_RDWR | O_CLOEXEC, 0644);
  if (fd < 0)
    {
      set_write_error (error, shown, errno);
      return FALSE;
    }

  exported_at = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");

  archive = archive_write_new ();
  archive_write_set_format_zip (archive);
  archive_write_set_bytes_in_last_block (archive, 1);
  ok = archive_write_open_fd (archive, fd) == ARCHIVE_OK;
  if (!ok)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                 _("Cannot write the dossier “%s”: %s"), shown, archive_error_string (archive));

  export.store = store;
  export.archive = archive;
  export.mtime = g_date_time_to_unix (now);
  export.members = members;
  export.cancellable = cancellable;
  if (options != NULL)
    {
      export.progress.func = options->progress;
      export.progress.data = options->progress_data;
    }

  ok = ok && write_members (&export, catalogue, product_id, exported_at, options, result, error);

  if (ok && archive_write_close (archive) != ARCHIVE_OK)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Cannot write the dossier “%s”: %s"), shown, archive_error_string (archive));
      ok = FALSE;
    }
  archive_write_free (archive);

  if (ok && fsync (fd) != 0)
    {
      set_write_error (error, shown, errno);
      ok = FALSE;
    }

  if (close (fd) != 0 && ok)
    {
      set_write_error (error, shown, errno);
      ok = FALSE;
    }

  if (ok && g_cancellable_set_error_if_cancelled (cancellable, error))
    ok = FALSE;

  /* Recorded before the rename: a record without its file is harmless, a
   * file whose findings cannot be imported is not. */
  base = g_path_get_basename (path);
  if (ok && !cf_store_record_dossier_export (store, product_id, result->seal, base,
                                             result->n_members, result->n_bytes, result->signer,
                                             error))
    ok = FALSE;

  if (ok && g_rename (tmp_path, path) != 0)
    {
      set_write_error (error, shown, errno);
      ok = FALSE;
    }

  if (!ok)
    {
      g_unlink (tmp_path);
      cf_dossier_export_result_clear (result);
      return FALSE;
    }

  return TRUE;
}

/**
 * cf_dossier_export_full:
 * @manifest_sha256_out: (out) (optional): the SHA-256 of manifest.json, the seal
 * @n_members_out: (out) (optional): how many members, the manifest included
 * @n_bytes_out: (out) (optional): their uncompressed size in all
 *
 * As cf_dossier_export_with(), unsigned and without progress.
 */
gboolean
cf_dossier_export_full (CfStore        *store,
                        CfCatalogue    *catalogue,
                        gint64          product_id,
                        GFile          *out,
                        GCancellable   *cancellable,
                        char          **manifest_sha256_out,
                        guint          *n_members_out,
                        guint64        *n_bytes_out,
                        GError        **error)
{
  CfDossierExportResult result;

  if (!cf_dossier_export_with (store, catalogue, product_id, out, NULL, &result, cancellable,
                               error))
    return FALSE;

  if (manifest_sha256_out != NULL)
    *manifest_sha256_out = g_steal_pointer (&result.seal);
  if (n_members_out != NULL)
    *n_members_out = result.n_members;
  if (n_bytes_out != NULL)
    *n_bytes_out = result.n_bytes;

  cf_dossier_export_result_clear (&result);
  return TRUE;
}

/**
 * cf_dossier_export:
 *
 * As cf_dossier_export_full(), without the counts.
 */
gboolean
cf_dossier_export (CfStore        *store,
                   CfCatalogue    *catalogue,
                   gint64          product_id,
                   GFile          *out,
                   GCancellable   *cancellable,
                   char          **manifest_sha256_out,
                   GError        **error)
{
  return cf_dossier_export_full (store, catalogue, product_id, out, cancellable,
                                 manifest_sha256_out, NULL, NULL, error);
}

/* ─── Verify ─── */

/* What the central directory says of one member. */
typedef struct
{
  guint64 compressed;
  guint64 uncompressed;
} CentralEntry;

static guint16
le16 (const guint8 *p)
{
  return (guint16) (p[0] | (p[1] << 8));
}

static guint32
le32 (const guint8 *p)
{
  return (guint32) p[0] | ((guint32) p[1] << 8) | ((guint32) p[2] << 16) | ((guint32) p[3] << 24);
}

static guint64
le64 (const guint8 *p)
{
  return (guint64) le32 (p) | ((guint64) le32 (p + 4) << 32);
}

static gboolean
read_at (int       fd,
         guint8   *buffer,
         gsize     size,
         guint64   offset)
{
  gsize done = 0;

  while (done < size)
    {
      gssize n = pread (fd, buffer + done, size - done, (off_t) (offset + done));

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return FALSE;
      done += n;
    }

  return TRUE;
}

static char *
dup_shown (const char *name)
{
  return cf_field_dup_printable (name, FALSE);
}

static void
set_not_zip (GError     **error,
             const char  *shown)
{
  g_set_error (error, CF_ERROR, CF_ERROR_INVALID_INPUT,
               _("“%s” is not a dossier: it is not a ZIP file, or it is damaged."), shown);
}

/* Reads the compressed and uncompressed size of each member from the ZIP's
 * central directory, which libarchive does not expose. Refuses more members
 * than the limit, and names that appear twice. */
static GHashTable *
read_central_directory (const char  *path,
                        const char  *shown,
                        GError     **error)
{
  g_autoptr(GHashTable) entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autofree guint8 *tail = NULL;
  g_autofree guint8 *cd = NULL;
  struct stat st;
  guint64 size, tail_size, eocd = 0, cd_size, cd_offset, n_entries;
  gboolean found = FALSE;
  gsize pos = 0;
  int fd;

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Cannot read “%s”: %s"), shown, g_strerror (saved_errno));
      return NULL;
    }

  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode) || st.st_size < 22)
    {
      close (fd);
      set_not_zip (error, shown);
      return NULL;
    }

  size = st.st_size;
  tail_size = MIN (size, 22 + 65535);
  tail = g_malloc (tail_size);
  if (!read_at (fd, tail, tail_size, size - tail_size))
    {
      close (fd);
      set_not_zip (error, shown);
      return NULL;
    }

  for (gssize i = (gssize) tail_size - 22; i >= 0; i--)
    if (le32 (tail + i) == 0x06054b50 && (guint64) i + 22 + le16 (tail + i + 20) <= tail_size)
      {
        eocd = size - tail_size + i;
        found = TRUE;
        break;
      }

  if (!found)
    {
      close (fd);
      set_not_zip (error, shown);
      return NULL;
    }

  {
    const guint8 *e = tail + (eocd - (size - tail_size));

    n_entries = le16 (e + 10);
    cd_size = le32 (e + 12);
    cd_offset = le32 (e + 16);

    if (n_entries == 0xFFFF || cd_size == 0xFFFFFFFF || cd_offset == 0xFFFFFFFF)
      {
        guint8 locator[20], record[56];

        if (eocd < 20 || !read_at (fd, locator, 20, eocd - 20) || le32 (locator) != 0x07064b50 ||
            !read_at (fd, record, 56, le64 (locator + 8)) || le32 (record) != 0x06064b50)
          {
            close (fd);
            set_not_zip (error, shown);
            return NULL;
          }
        n_entries = le64 (record + 32);
        cd_size = le64 (record + 40);
        cd_offset = le64 (record + 48);
      }
  }

  if (n_entries > CF_DOSSIER_MAX_MEMBERS)
    {
      close (fd);
      g_set_error (error, CF_ERROR, CF_ERROR_INVALID_INPUT,
                   _("“%s” is refused: it has more than %u members."),
                   shown, (guint) CF_DOSSIER_MAX_MEMBERS);
      return NULL;
    }

  if (cd_size > MAX_CENTRAL_DIRECTORY || cd_offset > size || cd_size > size - cd_offset)
    {
      close (fd);
      set_not_zip (error, shown);
      return NULL;
    }

  cd = g_malloc (cd_size + 1);
  if (!read_at (fd, cd, cd_size, cd_offset))
    {
      close (fd);
      set_not_zip (error, shown);
      return NULL;
    }
  close (fd);

  while (pos + 46 <= cd_size && le32 (cd + pos) == 0x02014b50)
    {
      const guint8 *h = cd + pos;
      guint64 compressed = le32 (h + 20), uncompressed = le32 (h + 24);
      gsize name_len = le16 (h + 28), extra_len = le16 (h + 30), comment_len = le16 (h + 32);
      g_autofree char *name = NULL;
      CentralEntry *entry;

      if (pos + 46 + name_len + extra_len + comment_len > cd_size)
        break;

      name = g_strndup ((const char *) h + 46, name_len);

      /* ZIP64: the real sizes are in the extra field. */
      for (gsize x = 0; x + 4 <= extra_len;)
        {
          const guint8 *f = h + 46 + name_len + x;
          gsize f_len = le16 (f + 2);
          gsize at = 4;

          if (x + 4 + f_len > extra_len)
            break;
          if (le16 (f) == 0x0001)
            {
              if (uncompressed == 0xFFFFFFFF && at + 8 <= 4 + f_len)
                {
                  uncompressed = le64 (f + at);
                  at += 8;
                }
              if (compressed == 0xFFFFFFFF && at + 8 <= 4 + f_len)
                compressed = le64 (f + at);
            }
          x += 4 + f_len;
        }

      if (g_hash_table_size (entries) >= CF_DOSSIER_MAX_MEMBERS)
        {
          g_set_error (error, CF_ERROR, CF_ERROR_INVALID_INPUT,
                       _("“%s” is refused: it has more than %u members."),
                       shown, (guint) CF_DOSSIER_MAX_MEMBERS);
          return NULL;
        }

      if (g_hash_table_contains (entries, name))
        {
          g_autofree char *shown_member = dup_shown (name);

          g_set_error (error, CF_ERROR, CF_ERROR_INVALID_INPUT,
                       _("“%s” is refused: the member “%s” appears more than once."),
                       shown, shown_member);
          return NULL;
        }

      entry = g_new (CentralEntry, 1);
      entry->compressed = compressed;
      entry->uncompressed = uncompressed;
      g_hash_table_insert (entries, g_steal_pointer (&name), entry);

      pos += 46 + name_len + extra_len + comment_len;
    }

  return g_steal_pointer (&entries);
}

static struct archive *
open_zip (const char  *path,
          const char  *shown,
          GError     **error)
{
  struct archive *archive = archive_read_new ();

  archive_read_support_format_zip (archive);
  if (archive_read_open_filename (archive, path, CHUNK_SIZE) != ARCHIVE_OK)
    {
      set_not_zip (error, shown);
      archive_read_free (archive);
      return NULL;
    }

  return archive;
}

static const char *
entry_name (struct archive_entry *entry)
{
  const char *name = archive_entry_pathname_utf8 (entry);

  if (name == NULL)
    name = archive_entry_pathname (entry);

  return name != NULL ? name : "";
}

/* The checks made before any content is read. */
static gboolean
check_member (struct archive_entry  *entry,
              const char            *shown,
              GHashTable            *central,
              GHashTable            *seen,
              guint64               *total,
              GError               **error)
{
  const char *name = entry_name (entry);
  g_autofree char *member = dup_shown (name);
  g_auto(GStrv) parts = NULL;
  CentralEntry *central_entry;
  guint64 size;
  mode_t type = archive_entry_filetype (entry);

  if (g_hash_table_size (seen) >= CF_DOSSIER_MAX_MEMBERS)
    {
      g_set_error (error, CF_ERROR, CF_ERROR_INVALID_INPUT,
                   _("“%s” is refused: it has more than %u members."),
                   shown, (guint) CF_DOSSIER_MAX_MEMBERS);
      return FALSE;
    }

  if (*name == '/' || *name == '\\' ||
      (g_ascii_isalpha (name[0]) && name[1] == ':'))
    {
      g_set_error (error, CF_ERROR, CF_ERROR_INVALID_INPUT,
                   _("“%s” is refused: its member “%s” has an absolute path."), shown, member);
      return FALSE;
    }

  parts = g_strsplit_set (name, "/\\", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    if (g_str_equal (parts[i], ".."))
      {
        g_set_error (error, CF_ERROR, CF_ERROR_INVALID_INPUT,
                     _("“%s” is refused: its member “%s” leads out of its folder with “..”."),
                     shown, member);
        return FALSE;
      }

  if (type == AE_IFLNK || archive_entry_symlink (entry) != NULL ||
      archive_entry_hardlink (entry) != NULL)
    {
      g_set_error (error, CF_ERROR, CF_ERROR_INVALID_INPUT,
                   _("“%s” is refused: its member “%s” is a link, not a file."), shown, member);
      return FALSE;
    }

  if (type != AE_IFREG && type != AE_IFDIR)
    {
      g_set_error (error, CF_ERROR, CF_ERROR_INVALID_INPUT,
                   _("“%s” is refused: its member “%s” is a device or another special file, "
                     "not a file."), shown, member);
      return FALSE;
    }

  if (g_hash_table_contains (seen, name))
    {
      g_set_error (error, CF_ERROR, CF_ERROR_INVALID_INPUT,
                   _("“%s” is refused: the member “%s” appears more than once."), shown, member);
      return FALSE;
    }
  g_hash_table_add (seen, g_strdup (name));

  central_entry = g_hash_table_lookup (central, name);
  size = archive_entry_size_is_set (entry) ? (guint64) archive_entry_size (entry) : 0;
  if (central_entry != NULL)
    size = MAX (size, central_entry->uncompressed);

  if (type == AE_IFREG && size > 0 &&
      (central_entry == NULL ||
       size / CF_DOSSIER_MAX_RATIO > central_entry->compressed ||
       (size / CF_DOSSIER_MAX_RATIO == central_entry->compressed &&
        size % CF_DOSSIER_MAX_RATIO != 0)))
    {
      g_set_error (error, CF_ERROR, CF_ERROR_INVALID_INPUT,
                   _("“%s” is refused: its member “%s” would expand to %" PRIu64 " bytes, more "
                     "than %u times its compressed size (a ZIP bomb)."),
                   shown, member, size, (guint) CF_DOSSIER_MAX_RATIO);
      return FALSE;
    }

  *total += size;
  if (*total > CF_DOSSIER_MAX_TOTAL)
    {
      g_set_error (error, CF_ERROR, CF_ERROR_INVALID_INPUT,
                   _("“%s” is refused: with its member “%s”, its content would expand to "
                     "more than %" PRIu64 " bytes in all."),
                   shown, member, CF_DOSSIER_MAX_TOTAL);
      return FALSE;
    }

  return TRUE;
}

typedef struct
{
  guint64  size;
  char    *sha256;
} Found;

static void
found_free (Found *found)
{
  g_free (found->sha256);
  g_free (found);
}

/* Small members kept in memory while they are hashed, with their limits. */
typedef struct
{
  const char  *name;
  guint64      max_size;
  GByteArray  *content;
} Capture;

void
cf_dossier_check_free (CfDossierCheck *check)
{
  if (check == NULL)
    return;

  g_clear_pointer (&check->problems, g_ptr_array_unref);
  g_free (check->seal);
  g_clear_pointer (&check->manifest, g_bytes_unref);
  g_clear_pointer (&check->assessment, g_bytes_unref);
  g_free (check->signer);
  g_free (check);
}

static guint64
central_total (GHashTable *central)
{
  GHashTableIter iter;
  CentralEntry *entry;
  guint64 total = 0;

  g_hash_table_iter_init (&iter, central);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &entry))
    total += entry->uncompressed;

  return total;
}

/* Compares what was found with the manifest's list. */
static void
compare_with_manifest (GByteArray  *manifest,
                       GHashTable  *found,
                       GPtrArray   *order,
                       GPtrArray   *problems)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GHashTable) in_manifest = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) local_error = NULL;
  CfSbomLimits limits;
  JsonArray *listed = NULL;
  JsonNode *root;

  cf_sbom_limits_init_default (&limits);

  if (manifest == NULL)
    {
      g_ptr_array_add (problems, g_strdup (_("manifest.json: missing; the dossier cannot be "
                                             "checked against it.")));
      return;
    }

  /* Too deep, not UTF-8, a string too long: say which, at which line. */
  if (manifest->len > 0 &&
      !_cf_json_check_safe ((const char *) manifest->data, manifest->len, &limits, &local_error))
    {
      g_ptr_array_add (problems,
                       g_strdup_printf (_("manifest.json: not a dossier manifest (%s); the "
                                          "dossier cannot be checked against it."),
                                        local_error->message));
      return;
    }

  /* An empty member has no data at all, which json-glib refuses with a critical. */
  if (manifest->len == 0 ||
      !json_parser_load_from_data (parser, (const char *) manifest->data,
                                   (gssize) manifest->len, &local_error) ||
      (root = json_parser_get_root (parser)) == NULL ||
      !JSON_NODE_HOLDS_OBJECT (root) ||
      !json_object_has_member (json_node_get_object (root), "members") ||
      !JSON_NODE_HOLDS_ARRAY (json_object_get_member (json_node_get_object (root), "members")))
    {
      g_ptr_array_add (problems, g_strdup (_("manifest.json: not a dossier manifest; the dossier "
                                             "cannot be checked against it.")));
      return;
    }

  listed = json_object_get_array_member (json_node_get_object (root), "members");

  for (guint i = 0; i < json_array_get_length (listed); i++)
    {
      JsonNode *node = json_array_get_element (listed, i);
      JsonObject *object = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      JsonNode *path_node = object != NULL ? json_object_get_member (object, "path") : NULL;
      JsonNode *sha_node = object != NULL ? json_object_get_member (object, "sha256") : NULL;
      JsonNode *size_node = object != NULL ? json_object_get_member (object, "size") : NULL;
      const char *member_path = NULL, *sha256 = "";
      gint64 size = -1;
      g_autofree char *member = NULL;
      Found *f;

      if (path_node != NULL && JSON_NODE_HOLDS_VALUE (path_node) &&
          json_node_get_value_type (path_node) == G_TYPE_STRING)
        member_path = json_node_get_string (path_node);
      if (sha_node != NULL && JSON_NODE_HOLDS_VALUE (sha_node) &&
          json_node_get_value_type (sha_node) == G_TYPE_STRING)
        sha256 = json_node_get_string (sha_node);
      if (size_node != NULL && JSON_NODE_HOLDS_VALUE (size_node) &&
          json_node_get_value_type (size_node) == G_TYPE_INT64)
        size = json_node_get_int (size_node);

      if (member_path == NULL)
        {
          g_ptr_array_add (problems,
                           g_strdup_printf (_("manifest.json: entry %u names no member."), i + 1));
          continue;
        }

      g_hash_table_add (in_manifest, (gpointer) member_path);
      member = dup_shown (member_path);
      f = g_hash_table_lookup (found, member_path);

      if (f == NULL)
        g_ptr_array_add (problems,
                         g_strdup_printf (_("%s: missing (listed in the manifest, not in "
                                            "the dossier)"), member));
      else if (size < 0 || f->size != (guint64) size)
        g_ptr_array_add (problems,
                         g_strdup_printf (_("%s: altered (%" PRIu64 " bytes, the manifest "
                                            "says %" PRId64 ")"), member, f->size, size));
      else if (g_ascii_strcasecmp (f->sha256, sha256) != 0)
        {
          /* Whatever the manifest says, which need not be text. */
          g_autofree char *said = dup_shown (sha256);

          g_ptr_array_add (problems,
                           g_strdup_printf (_("%s: altered (SHA-256 %s, the manifest says %s)"),
                                            member, f->sha256, said));
        }
    }

  for (guint i = 0; i < order->len; i++)
    {
      const char *name = g_ptr_array_index (order, i);

      if (!g_hash_table_contains (in_manifest, name))
        {
          g_autofree char *member = dup_shown (name);

          g_ptr_array_add (problems,
                           g_strdup_printf (_("%s: extra (in the dossier, not listed in "
                                              "the manifest)"), member));
        }
    }
}

/**
 * cf_dossier_check:
 * @expected_manifest_sha256: (nullable): the seal the dossier should carry
 * @progress: (nullable): told the bytes hashed so far, of the total
 *
 * Reads a dossier without writing anything to disk. Archives with unsafe
 * members (absolute paths, “..”, links, special files, duplicates, too
 * many members, bombs) are refused with an error naming the member. Then
 * every member is hashed and compared with the manifest, and the
 * manifest's signature, when there is one, is checked.
 *
 * Returns: (transfer full): what was found, or %NULL when the dossier
 *   could not be read or was refused; it is intact when, in addition, no
 *   problem was found
 */
CfDossierCheck *
cf_dossier_check (GFile           *dossier,
                  const char      *expected_manifest_sha256,
                  CfProgressFunc   progress,
                  gpointer         progress_data,
                  GCancellable    *cancellable,
                  GError         **error)
{
  g_autoptr(CfDossierCheck) check = g_new0 (CfDossierCheck, 1);
  g_autoptr(GHashTable) central = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) found = NULL;
  g_autoptr(GPtrArray) order = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *shown = NULL;
  g_autofree guint8 *buffer = NULL;
  Capture captures[] = {
    { CF_DOSSIER_MANIFEST, MAX_MANIFEST_SIZE, NULL },
    { CF_ASSESSMENT_XML_MEMBER, CF_ASSESSMENT_XML_MAX_SIZE, NULL },
    { CF_DOSSIER_SIGNATURE, 64 * 1024, NULL },
  };
  struct archive_entry *entry;
  struct archive *archive;
  const char *path;
  guint64 total = 0, done_all = 0, expected_total;
  int rc;

  g_return_val_if_fail (G_IS_FILE (dossier), NULL);

  check->problems = g_ptr_array_new_with_free_func (g_free);

  shown = g_file_get_parse_name (dossier);
  path = g_file_peek_path (dossier);
  if (path == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("Cannot read the dossier “%s”: only local files are supported."), shown);
      return NULL;
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  central = read_central_directory (path, shown, error);
  if (central == NULL)
    return NULL;
  expected_total = central_total (central);

  /* First pass: headers only, nothing decompressed. */
  archive = open_zip (path, shown, error);
  if (archive == NULL)
    return NULL;

  while ((rc = archive_read_next_header (archive, &entry)) == ARCHIVE_OK || rc == ARCHIVE_WARN)
    if (!check_member (entry, shown, central, seen, &total, error))
      {
        archive_read_free (archive);
        return NULL;
      }
  archive_read_free (archive);

  if (rc != ARCHIVE_EOF)
    {
      set_not_zip (error, shown);
      return NULL;
    }

  /* Second pass: every member through SHA-256, in memory only. */
  archive = open_zip (path, shown, error);
  if (archive == NULL)
    return NULL;

  found = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) found_free);
  buffer = g_malloc (CHUNK_SIZE);

  while ((rc = archive_read_next_header (archive, &entry)) == ARCHIVE_OK || rc == ARCHIVE_WARN)
    {
      g_autoptr(GChecksum) checksum = NULL;
      g_autofree char *member = NULL;
      const char *name = entry_name (entry);
      CentralEntry *central_entry = g_hash_table_lookup (central, name);
      Capture *capture = NULL;
      guint64 declared, done = 0;
      Found *f;
      la_ssize_t n;

      if (archive_entry_filetype (entry) != AE_IFREG)
        continue;

      for (guint i = 0; i < G_N_ELEMENTS (captures); i++)
        if (g_str_equal (name, captures[i].name))
          capture = &captures[i];

      declared = archive_entry_size_is_set (entry) ? (guint64) archive_entry_size (entry) : 0;
      if (central_entry != NULL)
        declared = MAX (declared, central_entry->uncompressed);

      checksum = g_checksum_new (G_CHECKSUM_SHA256);
      if (capture != NULL)
        capture->content = g_byte_array_new ();

      while ((n = archive_read_data (archive, buffer, CHUNK_SIZE)) > 0)
        {
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            {
              archive_read_free (archive);
              goto fail;
            }

          done += n;
          if (done > declared || (capture != NULL && done > capture->max_size))
            {
              member = dup_shown (name);
              g_set_error (error, CF_ERROR, CF_ERROR_INVALID_INPUT,
                           capture != NULL && done > capture->max_size
                           ? _("“%s” is refused: its member “%s” is larger than such a member "
                               "can be.")
                           : _("“%s” is refused: its member “%s” holds more data than its "
                               "header declares."), shown, member);
              archive_read_free (archive);
              goto fail;
            }

          g_checksum_update (checksum, buffer, n);
          if (capture != NULL)
            g_byte_array_append (capture->content, buffer, n);

          done_all += n;
          if (progress != NULL)
            progress (done_all, MAX (expected_total, done_all), progress_data);
        }

      if (n < 0)
        {
          member = dup_shown (name);
          g_set_error (error, CF_ERROR, CF_ERROR_INVALID_INPUT,
                       _("Cannot read the member “%s” of “%s”: %s"),
                       member, shown, archive_error_string (archive));
          archive_read_free (archive);
          goto fail;
        }

      /* The manifest and its signature are not listed in the manifest. */
      if (g_str_equal (name, CF_DOSSIER_MANIFEST))
        {
          check->seal = g_strdup (g_checksum_get_string (checksum));
          continue;
        }
      if (g_str_equal (name, CF_DOSSIER_SIGNATURE))
        continue;

      f = g_new (Found, 1);
      f->size = done;
      f->sha256 = g_strdup (g_checksum_get_string (checksum));
      g_hash_table_insert (found, g_strdup (name), f);
      g_ptr_array_add (order, g_strdup (name));
    }
  archive_read_free (archive);

  if (rc != ARCHIVE_EOF)
    {
      set_not_zip (error, shown);
      goto fail;
    }

  compare_with_manifest (captures[0].content, found, order, check->problems);

  if (expected_manifest_sha256 != NULL &&
      (check->seal == NULL || g_ascii_strcasecmp (check->seal, expected_manifest_sha256) != 0))
    g_ptr_array_add (check->problems,
                     g_strdup_printf (_("manifest.json: its SHA-256 is %s, not the seal "
                                        "given (%s)"),
                                      check->seal != NULL ? check->seal : _("unknown"),
                                      expected_manifest_sha256));

  if (captures[0].content != NULL)
    check->manifest = g_byte_array_free_to_bytes (g_steal_pointer (&captures[0].content));
  if (captures[1].content != NULL)
    check->assessment = g_byte_array_free_to_bytes (g_steal_pointer (&captures[1].content));

  if (captures[2].content != NULL)
    {
      g_autoptr(GBytes) signature = g_byte_array_free_to_bytes (g_steal_pointer (&captures[2].content));
      g_autoptr(GError) local_error = NULL;

      check->signed_ = TRUE;
      if (check->manifest == NULL)
        ;  /* already a problem: nothing to check the signature against */
      else if (!cf_signature_verify (check->manifest, signature, &check->signer, &local_error))
        {
          g_clear_pointer (&check->signer, g_free);
          g_ptr_array_add (check->problems,
                           g_strdup_printf (_("%s: the signature of the manifest does not hold: "
                                              "%s"), CF_DOSSIER_SIGNATURE, local_error->message));
        }
    }

  return g_steal_pointer (&check);

fail:
  for (guint i = 0; i < G_N_ELEMENTS (captures); i++)
    if (captures[i].content != NULL)
      g_byte_array_unref (captures[i].content);
  return NULL;
}

/**
 * cf_dossier_verify:
 * @expected_manifest_sha256: (nullable): the seal the dossier should carry
 * @problems_out: (out): messages, one per missing, extra or altered member
 * @manifest_sha256_out: (out) (optional) (nullable): the seal it carries
 *
 * As cf_dossier_check(), for callers that want only the problems and seal.
 *
 * Returns: whether the dossier could be read; it is intact when, in
 *   addition, no problem was found
 */
gboolean
cf_dossier_verify (GFile          *dossier,
                   const char     *expected_manifest_sha256,
                   GPtrArray     **problems_out,
                   char          **manifest_sha256_out,
                   GCancellable   *cancellable,
                   GError        **error)
{
  g_autoptr(CfDossierCheck) check = NULL;

  g_return_val_if_fail (problems_out != NULL, FALSE);

  check = cf_dossier_check (dossier, expected_manifest_sha256, NULL, NULL, cancellable, error);
  if (check == NULL)
    return FALSE;

  *problems_out = g_steal_pointer (&check->problems);
  if (manifest_sha256_out != NULL)
    *manifest_sha256_out = g_steal_pointer (&check->seal);

  return TRUE;
}

/**
 * cf_dossier_extract_member:
 * @sha256: the SHA-256 the manifest gives the member
 *
 * Copies one member of a dossier to @out, as long as the archive is safe
 * to read (the checks of cf_dossier_check() apply) and the member's
 * content has @sha256; otherwise fails, and what was written to @out must
 * be thrown away by the caller.
 */
gboolean
cf_dossier_extract_member (GFile          *dossier,
                           const char     *member,
                           const char     *sha256,
                           GOutputStream  *out,
                           GCancellable   *cancellable,
                           GError        **error)
{
  g_autoptr(GHashTable) central = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree char *shown = g_file_get_parse_name (dossier);
  g_autofree char *shown_member = dup_shown (member);
  g_autofree guint8 *buffer = NULL;
  struct archive_entry *entry;
  struct archive *archive;
  const char *path = g_file_peek_path (dossier);
  guint64 total = 0;
  gboolean found = FALSE;
  la_ssize_t n = 0;
  int rc;

  if (path == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("Cannot read the dossier “%s”: only local files are supported."), shown);
      return FALSE;
    }

  central = read_central_directory (path, shown, error);
  if (central == NULL)
    return FALSE;

  archive = open_zip (path, shown, error);
  if (archive == NULL)
    return FALSE;

  buffer = g_malloc (CHUNK_SIZE);
  while ((rc = archive_read_next_header (archive, &entry)) == ARCHIVE_OK || rc == ARCHIVE_WARN)
    {
      if (!check_member (entry, shown, central, seen, &total, error))
        {
          archive_read_free (archive);
          return FALSE;
        }

      if (!g_str_equal (entry_name (entry), member))
        continue;

      found = TRUE;
      while ((n = archive_read_data (archive, buffer, CHUNK_SIZE)) > 0)
        {
          g_checksum_update (checksum, buffer, n);
          if (!g_output_stream_write_all (out, buffer, n, NULL, cancellable, error))
            {
              archive_read_free (archive);
              return FALSE;
            }
        }
      break;
    }

  if (found && n < 0)
    g_set_error (error, CF_ERROR, CF_ERROR_INVALID_INPUT,
                 _("Cannot read the member “%s” of “%s”: %s"),
                 shown_member, shown, archive_error_string (archive));
  archive_read_free (archive);

  if (found && n < 0)
    return FALSE;

  if (!found)
    {
      g_set_error (error, CF_ERROR, CF_ERROR_NOT_FOUND,
                   _("The dossier “%s” has no member “%s”."), shown, shown_member);
      return FALSE;
    }

  if (g_ascii_strcasecmp (g_checksum_get_string (checksum), sha256) != 0)
    {
      g_set_error (error, CF_ERROR, CF_ERROR_MISMATCH,
                   _("The member “%s” of “%s” has been altered since the dossier was verified "
                     "(SHA-256 %s, the manifest says %s)."),
                   shown_member, shown, g_checksum_get_string (checksum), sha256);
      return FALSE;
    }

  return TRUE;
}

static void
dossier_member_free (CfDossierMember *member)
{
  g_free (member->path);
  g_free (member->sha256);
  g_free (member);
}

/**
 * cf_dossier_manifest_list_members:
 * @manifest: a manifest that cf_dossier_check() found intact
 *
 * Returns: (transfer full) (element-type CfDossierMember): its members, in
 *   its order
 */
GPtrArray *
cf_dossier_manifest_list_members (GBytes   *manifest,
                                  GError  **error)
{
  g_autoptr(GPtrArray) members = g_ptr_array_new_with_free_func ((GDestroyNotify) dossier_member_free);
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) local_error = NULL;
  CfSbomLimits limits;
  const char *data;
  gsize length;
  JsonNode *root;
  JsonArray *listed;

  cf_sbom_limits_init_default (&limits);
  data = g_bytes_get_data (manifest, &length);

  if (!_cf_json_check_safe (data, length, &limits, &local_error) ||
      !json_parser_load_from_data (parser, data, (gssize) length, &local_error) ||
      (root = json_parser_get_root (parser)) == NULL || !JSON_NODE_HOLDS_OBJECT (root) ||
      !JSON_NODE_HOLDS_ARRAY (json_object_get_member (json_node_get_object (root), "members")))
    {
      g_set_error_literal (error, CF_ERROR, CF_ERROR_INVALID_INPUT,
                           _("manifest.json is not a dossier manifest."));
      return NULL;
    }

  listed = json_object_get_array_member (json_node_get_object (root), "members");
  for (guint i = 0; i < json_array_get_length (listed); i++)
    {
      JsonNode *node = json_array_get_element (listed, i);
      JsonObject *object = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      CfDossierMember *member;

      if (object == NULL)
        continue;

      member = g_new0 (CfDossierMember, 1);
      member->path = g_strdup (json_object_get_string_member_with_default (object, "path", ""));
      member->size = (guint64) MAX (0, json_object_get_int_member_with_default (object, "size", 0));
      member->sha256 = g_strdup (json_object_get_string_member_with_default (object, "sha256", ""));
      g_ptr_array_add (members, member);
    }

  return g_steal_pointer (&members);
}
