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

#include "cf-dossier.h"
#include "cf-error.h"

#define CHUNK_SIZE (64 * 1024)

/* The manifest is small: a few hundred bytes a member. */
#define MAX_MANIFEST_SIZE (G_GUINT64_CONSTANT (64) << 20)

/* The central directory of 100,000 members with long names fits easily. */
#define MAX_CENTRAL_DIRECTORY (G_GUINT64_CONSTANT (512) << 20)

/* ─── Writing: a GOutputStream that feeds the current archive entry ─── */

#define CF_TYPE_DOSSIER_SINK (cf_dossier_sink_get_type ())
G_DECLARE_FINAL_TYPE (CfDossierSink, cf_dossier_sink, CF, DOSSIER_SINK, GOutputStream)

struct _CfDossierSink
{
  GOutputStream    parent_instance;
  struct archive  *archive;
  GChecksum       *checksum;
  guint64          written;
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
cf_dossier_sink_new (struct archive *archive)
{
  CfDossierSink *self = g_object_new (CF_TYPE_DOSSIER_SINK, NULL);

  self->archive = archive;

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

/* One member streamed from the store, hashed on the way. */
static gboolean
add_stored_member (CfStore         *store,
                   struct archive  *archive,
                   Source           source,
                   gint64           id,
                   gint             version,
                   const char      *path,
                   guint64          size,
                   gint64           mtime,
                   GPtrArray       *members,
                   GCancellable    *cancellable,
                   GError         **error)
{
  g_autoptr(CfDossierSink) sink = NULL;
  Member *member;
  gboolean ok;

  if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
      !write_header (archive, path, size, mtime, error))
    return FALSE;

  sink = cf_dossier_sink_new (archive);
  if (source == SOURCE_DOCUMENT)
    ok = cf_store_write_document (store, id, G_OUTPUT_STREAM (sink), cancellable, error);
  else
    ok = cf_store_write_evidence (store, id, version, G_OUTPUT_STREAM (sink), cancellable, error);
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
  g_ptr_array_add (members, member);

  return TRUE;
}

static char *
build_manifest (CfStore     *store,
                gint64       product_id,
                GPtrArray   *members,
                const char  *exported_at,
                GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(CfProduct) product = NULL;
  g_autoptr(CfManufacturer) manufacturer = NULL;
  g_autoptr(CfClassification) classification = NULL;
  g_autoptr(CfDeclarationInfo) info = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  product = cf_store_get_product (store, product_id, error);
  if (product == NULL)
    return NULL;

  manufacturer = cf_store_get_manufacturer (store, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  info = cf_store_get_declaration_info (store, product_id, NULL);
  classification = cf_store_get_classification (store, product_id, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, "conformity-dossier");
  json_builder_set_member_name (builder, "format_version");
  json_builder_add_int_value (builder, CF_DOSSIER_FORMAT_VERSION);
  json_builder_set_member_name (builder, "conformity_version");
  json_builder_add_string_value (builder, PACKAGE_VERSION);
  json_builder_set_member_name (builder, "exported_at");
  json_builder_add_string_value (builder, exported_at);

  json_builder_set_member_name (builder, "product");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, product_id);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, cf_product_get_name (product));
  json_builder_set_member_name (builder, "model");
  json_builder_add_string_value (builder, cf_record_get_field (CF_RECORD (product), "model"));
  json_builder_set_member_name (builder, "version");
  json_builder_add_string_value (builder, cf_record_get_field (CF_RECORD (product), "version"));
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "manufacturer");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, manufacturer != NULL
                                 ? cf_record_get_field (CF_RECORD (manufacturer), "name")
                                 : NULL);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "category");
  json_builder_add_string_value (builder, classification != NULL
                                 ? cf_category_to_id (classification->category)
                                 : NULL);

  /* The conformity assessment procedure the declaration names. */
  json_builder_set_member_name (builder, "procedure");
  json_builder_add_string_value (builder, info != NULL
                                 ? cf_procedure_to_id (cf_declaration_info_get_procedure (info))
                                 : NULL);

  json_builder_set_member_name (builder, "members");
  json_builder_begin_array (builder);
  for (guint i = 0; i < members->len; i++)
    {
      Member *member = g_ptr_array_index (members, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "path");
      json_builder_add_string_value (builder, member->path);
      json_builder_set_member_name (builder, "size");
      json_builder_add_int_value (builder, (gint64) member->size);
      json_builder_set_member_name (builder, "sha256");
      json_builder_add_string_value (builder, member->sha256);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);

  return json_generator_to_data (generator, NULL);
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

static gboolean
write_members (CfStore         *store,
               gint64           product_id,
               struct archive  *archive,
               gint64           mtime,
               const char      *exported_at,
               GCancellable    *cancellable,
               char           **seal,
               guint           *n_members,
               guint64         *n_bytes,
               GError         **error)
{
  g_autoptr(GPtrArray) members = g_ptr_array_new_with_free_func ((GDestroyNotify) member_free);
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GPtrArray) evidence = NULL;
  g_autofree char *manifest = NULL;
  g_autoptr(CfDossierSink) sink = NULL;
  guint64 total = 0;
  gsize length;

  documents = latest_documents (store, product_id, error);
  if (documents == NULL)
    return FALSE;

  for (guint i = 0; i < documents->len; i++)
    {
      CfDocumentInfo *doc = g_ptr_array_index (documents, i);
      const char *language = cf_document_info_get_language (doc);
      g_autofree char *kind = dup_safe_name (cf_document_info_get_kind (doc));
      g_autofree char *lang = dup_safe_name (language != NULL ? language : "en");
      g_autofree char *path = g_strdup_printf ("documents/%s-v%d-%s.pdf", kind,
                                               cf_document_info_get_version (doc), lang);

      if (!add_stored_member (store, archive, SOURCE_DOCUMENT, cf_document_info_get_id (doc), 0,
                              path, (guint64) cf_document_info_get_size (doc), mtime,
                              members, cancellable, error))
        return FALSE;
    }

  evidence = cf_store_list_evidence (store, product_id, error);
  if (evidence == NULL)
    return FALSE;

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
      if (!add_stored_member (store, archive, SOURCE_EVIDENCE, cf_evidence_get_id (item),
                              latest->version, path, latest->size, mtime,
                              members, cancellable, error))
        return FALSE;
    }

  manifest = build_manifest (store, product_id, members, exported_at, error);
  if (manifest == NULL)
    return FALSE;
  length = strlen (manifest);

  if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
      !write_header (archive, CF_DOSSIER_MANIFEST, length, mtime, error))
    return FALSE;

  sink = cf_dossier_sink_new (archive);
  if (!g_output_stream_write_all (G_OUTPUT_STREAM (sink), manifest, length, NULL,
                                  cancellable, error))
    return FALSE;

  for (guint i = 0; i < members->len; i++)
    total += ((Member *) g_ptr_array_index (members, i))->size;

  *seal = g_strdup (g_checksum_get_string (sink->checksum));
  *n_members = members->len + 1;
  *n_bytes = total + length;

  return TRUE;
}

/**
 * cf_dossier_export_full:
 * @out: the ZIP to write; replaced only once complete
 * @manifest_sha256_out: (out) (optional): the SHA-256 of manifest.json, the seal
 * @n_members_out: (out) (optional): how many members, the manifest included
 * @n_bytes_out: (out) (optional): their uncompressed size in all
 *
 * Writes the latest version of each of the product's documents and of each
 * item of its evidence, then a manifest listing them with their SHA-256.
 * Content is streamed from the store, never held whole in memory. The ZIP
 * is written beside @out under a temporary name and renamed into place when
 * complete; on failure or cancellation no file is left under either name.
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
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(CfProduct) product = NULL;
  g_autofree char *exported_at = NULL;
  g_autofree char *tmp_path = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *seal = NULL;
  struct archive *archive;
  const char *path;
  guint n_members = 0;
  guint64 n_bytes = 0;
  gboolean ok;
  int fd;

  g_return_val_if_fail (CF_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_FILE (out), FALSE);
  (void) catalogue;   /* the category comes from the stored classification */

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
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Cannot write the dossier “%s”: %s"), shown, g_strerror (saved_errno));
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

  ok = ok && write_members (store, product_id, archive, g_date_time_to_unix (now), exported_at,
                            cancellable, &seal, &n_members, &n_bytes, error);

  if (ok && archive_write_close (archive) != ARCHIVE_OK)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Cannot write the dossier “%s”: %s"), shown, archive_error_string (archive));
      ok = FALSE;
    }
  archive_write_free (archive);

  if (ok && fsync (fd) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Cannot write the dossier “%s”: %s"), shown, g_strerror (saved_errno));
      ok = FALSE;
    }

  if (close (fd) != 0 && ok)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Cannot write the dossier “%s”: %s"), shown, g_strerror (saved_errno));
      ok = FALSE;
    }

  if (ok && g_cancellable_set_error_if_cancelled (cancellable, error))
    ok = FALSE;

  if (ok && g_rename (tmp_path, path) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Cannot write the dossier “%s”: %s"), shown, g_strerror (saved_errno));
      ok = FALSE;
    }

  if (!ok)
    {
      g_unlink (tmp_path);
      return FALSE;
    }

  if (manifest_sha256_out != NULL)
    *manifest_sha256_out = g_steal_pointer (&seal);
  if (n_members_out != NULL)
    *n_members_out = n_members;
  if (n_bytes_out != NULL)
    *n_bytes_out = n_bytes;

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
  return g_utf8_make_valid (name, -1);
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

/**
 * cf_dossier_verify:
 * @expected_manifest_sha256: (nullable): the seal the dossier should carry
 * @problems_out: (out): messages, one per missing, extra or altered member
 * @manifest_sha256_out: (out) (optional) (nullable): the seal it carries
 *
 * Reads a dossier without writing anything to disk. Archives with unsafe
 * members (absolute paths, “..”, links, special files, duplicates, too
 * many members, bombs) are refused with an error naming the member. Then
 * every member is hashed and compared with the manifest.
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
  g_autoptr(GHashTable) central = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) found = NULL;
  g_autoptr(GPtrArray) order = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GByteArray) manifest = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local_error = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *seal = NULL;
  g_autofree guint8 *buffer = NULL;
  struct archive_entry *entry;
  struct archive *archive;
  const char *path;
  guint64 total = 0;
  JsonNode *root;
  JsonArray *listed = NULL;
  int rc;

  g_return_val_if_fail (G_IS_FILE (dossier), FALSE);
  g_return_val_if_fail (problems_out != NULL, FALSE);

  shown = g_file_get_parse_name (dossier);
  path = g_file_peek_path (dossier);
  if (path == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("Cannot read the dossier “%s”: only local files are supported."), shown);
      return FALSE;
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  central = read_central_directory (path, shown, error);
  if (central == NULL)
    return FALSE;

  /* First pass: headers only, nothing decompressed. */
  archive = open_zip (path, shown, error);
  if (archive == NULL)
    return FALSE;

  while ((rc = archive_read_next_header (archive, &entry)) == ARCHIVE_OK || rc == ARCHIVE_WARN)
    if (!check_member (entry, shown, central, seen, &total, error))
      {
        archive_read_free (archive);
        return FALSE;
      }
  archive_read_free (archive);

  if (rc != ARCHIVE_EOF)
    {
      set_not_zip (error, shown);
      return FALSE;
    }

  /* Second pass: every member through SHA-256, in memory only. */
  archive = open_zip (path, shown, error);
  if (archive == NULL)
    return FALSE;

  found = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) found_free);
  buffer = g_malloc (CHUNK_SIZE);

  while ((rc = archive_read_next_header (archive, &entry)) == ARCHIVE_OK || rc == ARCHIVE_WARN)
    {
      g_autoptr(GChecksum) checksum = NULL;
      g_autofree char *member = NULL;
      const char *name = entry_name (entry);
      gboolean is_manifest = g_str_equal (name, CF_DOSSIER_MANIFEST);
      CentralEntry *central_entry = g_hash_table_lookup (central, name);
      guint64 declared, done = 0;
      Found *f;
      la_ssize_t n;

      if (archive_entry_filetype (entry) != AE_IFREG)
        continue;

      declared = archive_entry_size_is_set (entry) ? (guint64) archive_entry_size (entry) : 0;
      if (central_entry != NULL)
        declared = MAX (declared, central_entry->uncompressed);

      checksum = g_checksum_new (G_CHECKSUM_SHA256);
      if (is_manifest)
        manifest = g_byte_array_new ();

      while ((n = archive_read_data (archive, buffer, CHUNK_SIZE)) > 0)
        {
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            {
              archive_read_free (archive);
              return FALSE;
            }

          done += n;
          if (done > declared || (is_manifest && done > MAX_MANIFEST_SIZE))
            {
              member = dup_shown (name);
              g_set_error (error, CF_ERROR, CF_ERROR_INVALID_INPUT,
                           _("“%s” is refused: its member “%s” holds more data than its "
                             "header declares."), shown, member);
              archive_read_free (archive);
              return FALSE;
            }

          g_checksum_update (checksum, buffer, n);
          if (is_manifest)
            g_byte_array_append (manifest, buffer, n);
        }

      if (n < 0)
        {
          member = dup_shown (name);
          g_set_error (error, CF_ERROR, CF_ERROR_INVALID_INPUT,
                       _("Cannot read the member “%s” of “%s”: %s"),
                       member, shown, archive_error_string (archive));
          archive_read_free (archive);
          return FALSE;
        }

      if (is_manifest)
        {
          seal = g_strdup (g_checksum_get_string (checksum));
          continue;
        }

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
      return FALSE;
    }

  /* Compare with the manifest. */
  if (manifest == NULL)
    g_ptr_array_add (problems, g_strdup (_("manifest.json: missing; the dossier cannot be "
                                           "checked against it.")));
  else if (!json_parser_load_from_data (parser, (const char *) manifest->data,
                                        (gssize) manifest->len, &local_error) ||
           (root = json_parser_get_root (parser)) == NULL ||
           !JSON_NODE_HOLDS_OBJECT (root) ||
           !json_object_has_member (json_node_get_object (root), "members") ||
           !JSON_NODE_HOLDS_ARRAY (json_object_get_member (json_node_get_object (root), "members")))
    g_ptr_array_add (problems, g_strdup (_("manifest.json: not a dossier manifest; the dossier "
                                           "cannot be checked against it.")));
  else
    listed = json_object_get_array_member (json_node_get_object (root), "members");

  if (listed != NULL)
    {
      g_autoptr(GHashTable) in_manifest = g_hash_table_new (g_str_hash, g_str_equal);

      for (guint i = 0; i < json_array_get_length (listed); i++)
        {
          JsonNode *node = json_array_get_element (listed, i);
          JsonObject *object = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
          const char *member_path = object != NULL
            ? json_object_get_string_member_with_default (object, "path", NULL) : NULL;
          const char *sha256 = object != NULL
            ? json_object_get_string_member_with_default (object, "sha256", "") : "";
          gint64 size = object != NULL
            ? json_object_get_int_member_with_default (object, "size", -1) : -1;
          g_autofree char *member = NULL;
          Found *f;

          if (member_path == NULL)
            {
              g_ptr_array_add (problems,
                               g_strdup_printf (_("manifest.json: entry %u names no member."),
                                                i + 1));
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
            g_ptr_array_add (problems,
                             g_strdup_printf (_("%s: altered (SHA-256 %s, the manifest says %s)"),
                                              member, f->sha256, sha256));
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

  if (expected_manifest_sha256 != NULL &&
      (seal == NULL || g_ascii_strcasecmp (seal, expected_manifest_sha256) != 0))
    g_ptr_array_add (problems,
                     g_strdup_printf (_("manifest.json: its SHA-256 is %s, not the seal "
                                        "given (%s)"),
                                      seal != NULL ? seal : _("unknown"),
                                      expected_manifest_sha256));

  *problems_out = g_steal_pointer (&problems);
  if (manifest_sha256_out != NULL)
    *manifest_sha256_out = g_steal_pointer (&seal);

  return TRUE;
}
