/* cf-store-sbom.c — software bills of materials in the project database
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cf-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>

#include "cf-error.h"
#include "cf-store-private.h"

/* The requirement an SBOM is evidence for: Annex I, Part II, point (1). */
#define SBOM_REQUIREMENT "AnnexI.PartII.1"

void
cf_sbom_info_free (CfSbomInfo *info)
{
  if (info == NULL)
    return;

  g_free (info->product_version);
  g_free (info->spec_version);
  g_free (info->serial);
  g_free (info->name);
  g_free (info->timestamp);
  g_free (info->creator);
  g_free (info->tools);
  g_free (info->subject_name);
  g_free (info->subject_version);
  g_free (info->imported_at);
  g_free (info->imported_by);
  g_free (info->file_name);
  g_free (info->sha256);
  g_free (info);
}

static char *
column_dup (sqlite3_stmt *stmt,
            int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

static const char *
media_type_for (CfSbomFormat format)
{
  switch (format)
    {
    case CF_SBOM_FORMAT_CYCLONEDX_JSON: return "application/vnd.cyclonedx+json";
    case CF_SBOM_FORMAT_CYCLONEDX_XML: return "application/vnd.cyclonedx+xml";
    case CF_SBOM_FORMAT_SPDX_JSON: return "application/spdx+json";
    case CF_SBOM_FORMAT_SPDX3_JSONLD: return "application/ld+json";
    default: return "application/octet-stream";
    }
}

/* Hashes as "ALGORITHM value" lines, dependencies as one ref per line: the
 * table is for searching and comparing, the file keeps the original. */
static char *
join_hashes (GPtrArray *hashes)
{
  g_autoptr(GString) out = NULL;

  if (hashes == NULL || hashes->len == 0)
    return NULL;

  out = g_string_new (NULL);
  for (guint i = 0; i < hashes->len; i++)
    {
      const CfSbomHash *hash = g_ptr_array_index (hashes, i);

      if (out->len > 0)
        g_string_append_c (out, '\n');
      g_string_append_printf (out, "%s %s", hash->algorithm, hash->value);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
join_refs (GPtrArray *refs)
{
  g_autoptr(GString) out = NULL;

  if (refs == NULL || refs->len == 0)
    return NULL;

  out = g_string_new (NULL);
  for (guint i = 0; i < refs->len; i++)
    {
      if (out->len > 0)
        g_string_append_c (out, '\n');
      g_string_append (out, g_ptr_array_index (refs, i));
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static GPtrArray *
split_hashes (const char *text)
{
  GPtrArray *hashes = g_ptr_array_new ();
  g_auto(GStrv) lines = NULL;

  if (text == NULL)
    return hashes;

  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *space = strchr (lines[i], ' ');
      CfSbomHash *hash;

      if (space == NULL)
        continue;
      hash = g_new0 (CfSbomHash, 1);
      hash->algorithm = g_strndup (lines[i], space - lines[i]);
      hash->value = g_strdup (space + 1);
      g_ptr_array_add (hashes, hash);
    }

  return hashes;
}

static void
split_refs (GPtrArray  *into,
            const char *text)
{
  g_auto(GStrv) lines = NULL;

  if (text == NULL)
    return;

  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (*lines[i] != '\0')
      g_ptr_array_add (into, g_strdup (lines[i]));
}

/* Importing */

/* The evidence item an SBOM for this product version goes into as a new
 * version, if an earlier import made one; else 0. */
static gint64
find_evidence_for_version (CfStore     *self,
                           gint64       product_id,
                           const char  *product_version,
                           GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = _cf_store_prepare (self,
                            "SELECT evidence_id FROM sbom WHERE product_id = ? AND product_version IS ?"
                            " ORDER BY id DESC LIMIT 1",
                            error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, product_id);
  sqlite3_bind_text (stmt, 2, product_version, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return sqlite3_column_int64 (stmt, 0);
  if (rc == SQLITE_DONE)
    return 0;

  _cf_store_set_error (self, error, rc, _("look up earlier SBOMs"));
  return -1;
}

static gint
latest_evidence_version (CfStore  *self,
                         gint64    evidence_id,
                         GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = _cf_store_prepare (self, "SELECT max (version) FROM evidence_version WHERE evidence_id = ?", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, evidence_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW && sqlite3_column_int (stmt, 0) > 0)
    return sqlite3_column_int (stmt, 0);

  _cf_store_set_error (self, error, rc == SQLITE_ROW ? SQLITE_CORRUPT : rc, _("look up the evidence"));
  return 0;
}

static gint64
insert_sbom_row (CfStore       *self,
                 gint64         product_id,
                 gint64         evidence_id,
                 gint           evidence_version,
                 const char    *product_version,
                 const CfSbom  *sbom,
                 GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = _cf_store_now ();

  stmt = _cf_store_prepare (self,
                            "INSERT INTO sbom (product_id, evidence_id, evidence_version, product_version, format,"
                            " spec_version, serial, name, timestamp, creator, tools, subject_ref, subject_name,"
                            " subject_version, component_count, imported_at, imported_by)"
                            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                            error);
  if (stmt == NULL)
    return 0;

  sqlite3_bind_int64 (stmt, 1, product_id);
  sqlite3_bind_int64 (stmt, 2, evidence_id);
  sqlite3_bind_int (stmt, 3, evidence_version);
  sqlite3_bind_text (stmt, 4, product_version, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, cf_sbom_format_get_id (sbom->format), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, sbom->spec_version, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, sbom->serial, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 8, sbom->name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 9, sbom->timestamp, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 10, sbom->creator, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 11, sbom->tools, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 12, sbom->subject_ref, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 13, sbom->subject_name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 14, sbom->subject_version, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 15, sbom->components->len);
  sqlite3_bind_text (stmt, 16, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 17, cf_store_get_actor (self), -1, SQLITE_TRANSIENT);

  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      _cf_store_set_error (self, error, sqlite3_errcode (self->db), _("store the SBOM"));
      return 0;
    }

  return sqlite3_last_insert_rowid (self->db);
}

static gboolean
insert_components (CfStore       *self,
                   gint64         sbom_id,
                   const CfSbom  *sbom,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = _cf_store_prepare (self,
                            "INSERT INTO sbom_component (sbom_id, seq, ref, name, version, type, supplier, author,"
                            " purl, cpe, licences, filename, download, hashes, depends_on, dependencies_known)"
                            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                            error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < sbom->components->len; i++)
    {
      const CfSbomComponent *c = g_ptr_array_index (sbom->components, i);
      char *hashes = join_hashes (c->hashes);
      char *refs = join_refs (c->depends_on);

      if (i % 1024 == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          g_free (hashes);
          g_free (refs);
          return FALSE;
        }

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, sbom_id);
      sqlite3_bind_int (stmt, 2, (int) i);
      sqlite3_bind_text (stmt, 3, c->ref, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, c->name, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 5, c->version, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 6, c->type, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 7, c->supplier, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 8, c->author, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 9, c->purl, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 10, c->cpe, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 11, c->licences, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 12, c->filename, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 13, c->download, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 14, hashes, -1, g_free);
      sqlite3_bind_text (stmt, 15, refs, -1, g_free);
      sqlite3_bind_int (stmt, 16, c->dependencies_known ? 1 : 0);

      if (sqlite3_step (stmt) != SQLITE_DONE)
        {
          _cf_store_set_error (self, error, sqlite3_errcode (self->db), _("store the SBOM’s components"));
          return FALSE;
        }
    }

  return TRUE;
}

static char *
evidence_title (CfStore      *self,
                gint64        product_id,
                const char   *product_version,
                GError      **error)
{
  g_autoptr(CfProduct) product = cf_store_get_product (self, product_id, error);

  if (product == NULL)
    return NULL;

  if (product_version != NULL)
    /* Translators: the title of an imported SBOM's evidence item, e.g.
     * "Software bill of materials, Smart Thermostat 2.4.1" */
    return g_strdup_printf (_("Software bill of materials, %s %s"), cf_product_get_name (product),
                            product_version);

  return g_strdup_printf (_("Software bill of materials, %s"), cf_product_get_name (product));
}

/* Inside a transaction: what was read from the latest version of
 * @evidence_id, its components and the audit entry. The example product
 * uses it too. */
gint64
_cf_store_record_sbom_locked (CfStore       *self,
                              gint64         product_id,
                              gint64         evidence_id,
                              const char    *file_name,
                              const char    *product_version,
                              const CfSbom  *sbom,
                              GCancellable  *cancellable,
                              GError       **error)
{
  g_autofree char *detail = NULL;
  gint64 sbom_id;
  gint version;

  version = latest_evidence_version (self, evidence_id, error);
  if (version == 0)
    return 0;

  sbom_id = insert_sbom_row (self, product_id, evidence_id, version, product_version, sbom, error);
  if (sbom_id == 0 || !insert_components (self, sbom_id, sbom, cancellable, error))
    return 0;

  detail = g_strdup_printf ("sbom %" PRId64 ": %s (%s %s, %u components) as evidence %" PRId64 " v%d",
                            sbom_id, file_name, cf_sbom_format_get_id (sbom->format),
                            sbom->spec_version ? sbom->spec_version : "?", sbom->components->len,
                            evidence_id, version);
  if (!_cf_store_audit (self, "sbom.import", "product", product_id, detail, error))
    return 0;

  return sbom_id;
}

/* Everything is written in one transaction: the file as evidence (a new
 * item, or a new version of the item of an earlier SBOM for the same
 * product version), the SBOM, its components and the audit entry. */
static gint64
store_parsed (CfStore       *self,
              gint64         product_id,
              const char    *file_name,
              const char    *product_version,
              const CfSbom  *sbom,
              GBytes        *content,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr(CfTransaction) tx = NULL;
  g_autoptr(CfEvidence) item = NULL;
  gint64 evidence_id;
  gint64 sbom_id;

  tx = _cf_store_begin (self, error);
  if (tx == NULL)
    return 0;

  evidence_id = find_evidence_for_version (self, product_id, product_version, error);
  if (evidence_id < 0)
    return 0;
  if (evidence_id == 0)
    {
      const char *requirements[] = { SBOM_REQUIREMENT, NULL };
      g_autofree char *title = evidence_title (self, product_id, product_version, error);

      if (title == NULL)
        return 0;
      item = cf_evidence_new ();
      cf_evidence_set_title (item, title);
      cf_evidence_set_kind (item, "sbom");
      cf_evidence_set_requirements (item, requirements);
    }

  evidence_id = _cf_store_add_evidence_bytes_locked (self, product_id, item, item ? 0 : evidence_id, file_name,
                                                     media_type_for (sbom->format), content, error);
  if (evidence_id == 0)
    return 0;

  sbom_id = _cf_store_record_sbom_locked (self, product_id, evidence_id, file_name, product_version, sbom,
                                          cancellable, error);
  if (sbom_id == 0)
    return 0;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return 0;

  _cf_transaction_notify (tx, "evidence", product_id);
  _cf_transaction_notify (tx, "sbom", product_id);
  if (!_cf_transaction_commit (tx, error))
    return 0;

  return sbom_id;
}

/**
 * cf_store_import_sbom:
 * @product_version: (nullable): the product version the SBOM describes;
 *   %NULL for the product's recorded version
 * @limits: (nullable): the limits for the file; %NULL for the defaults
 * @imported: (out) (optional) (transfer full): the SBOM as read from the
 *   file, to show or check without reading it back
 *
 * Reads a CycloneDX or SPDX file and stores it: the file as an evidence
 * version (kind "sbom", linked to Annex I Part II (1)) and its components
 * in a table. The file is read and checked in full before anything is
 * written, and everything is written in one transaction: a bad file, a
 * cancellation or a failure leaves the database as it was.
 *
 * Returns: the new SBOM's id, or 0 with @error set
 */
gint64
cf_store_import_sbom (CfStore            *self,
                      gint64              product_id,
                      GFile              *file,
                      const char         *product_version,
                      const CfSbomLimits *limits,
                      GCancellable       *cancellable,
                      CfSbom            **imported,
                      GError            **error)
{
  g_autoptr(CfSbom) sbom = NULL;
  g_autoptr(GBytes) content = NULL;
  g_autoptr(CfProduct) product = NULL;
  g_autofree char *file_name = NULL;
  gint64 id;

  g_return_val_if_fail (CF_IS_STORE (self), 0);
  g_return_val_if_fail (G_IS_FILE (file), 0);

  product = cf_store_get_product (self, product_id, error);
  if (product == NULL)
    return 0;
  if (product_version == NULL)
    product_version = cf_product_get_version (product);

  sbom = cf_sbom_parse_file (file, limits, cancellable, &content, error);
  if (sbom == NULL)
    return 0;

  file_name = g_file_get_basename (file);
  id = store_parsed (self, product_id, file_name, product_version, sbom, content, cancellable, error);

  /* Whichever step found the disk full (the file, the components, the
   * audit entry), the user needs to know which SBOM was not imported. */
  if (error != NULL && g_error_matches (*error, CF_ERROR, CF_ERROR_DISK_FULL))
    {
      g_clear_error (error);
      g_set_error (error, CF_ERROR, CF_ERROR_DISK_FULL,
                   _("The SBOM “%s” was not imported: the disk holding the project database “%s” "
                     "is full. Nothing was changed; make room and import it again."),
                   file_name, cf_store_get_path (self));
    }

  if (id != 0 && imported != NULL)
    *imported = g_steal_pointer (&sbom);

  return id;
}

typedef struct
{
  gint64        product_id;
  GFile        *file;
  char         *product_version;
  CfSbomLimits  limits;
  gboolean      has_limits;
} ImportData;

static void
import_data_free (gpointer data)
{
  ImportData *d = data;

  g_object_unref (d->file);
  g_free (d->product_version);
  g_free (d);
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImportData *d = task_data;
  GError *error = NULL;
  gint64 id;

  id = cf_store_import_sbom (source_object, d->product_id, d->file, d->product_version,
                             d->has_limits ? &d->limits : NULL, cancellable, NULL, &error);
  if (id == 0)
    g_task_return_error (task, error);
  else
    g_task_return_int (task, id);
}

/**
 * cf_store_import_sbom_async:
 *
 * cf_store_import_sbom() in a worker thread; reading and checking the file
 * take most of the time and never hold the database.
 */
void
cf_store_import_sbom_async (CfStore            *self,
                            gint64              product_id,
                            GFile              *file,
                            const char         *product_version,
                            const CfSbomLimits *limits,
                            GCancellable       *cancellable,
                            GAsyncReadyCallback callback,
                            gpointer            user_data)
{
  g_autoptr(GTask) task = NULL;
  ImportData *d = g_new0 (ImportData, 1);

  g_return_if_fail (CF_IS_STORE (self));
  g_return_if_fail (G_IS_FILE (file));

  d->product_id = product_id;
  d->file = g_object_ref (file);
  d->product_version = g_strdup (product_version);
  if (limits != NULL)
    {
      d->limits = *limits;
      d->has_limits = TRUE;
    }

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, cf_store_import_sbom_async);
  g_task_set_task_data (task, d, import_data_free);
  g_task_run_in_thread (task, import_thread);
}

gint64
cf_store_import_sbom_finish (CfStore       *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  gint64 id;

  g_return_val_if_fail (g_task_is_valid (result, self), 0);

  id = g_task_propagate_int (G_TASK (result), error);
  return id > 0 ? id : 0;
}

/* Reading */

#define INFO_COLUMNS \
  "s.id, s.product_id, s.evidence_id, s.evidence_version, s.product_version, s.format, s.spec_version," \
  " s.serial, s.name, s.timestamp, s.creator, s.tools, s.subject_name, s.subject_version," \
  " s.component_count, s.imported_at, s.imported_by, v.file_name, v.sha256" \
  " FROM sbom s JOIN evidence_version v ON v.evidence_id = s.evidence_id AND v.version = s.evidence_version"

static CfSbomInfo *
info_from_row (sqlite3_stmt *stmt)
{
  CfSbomInfo *info = g_new0 (CfSbomInfo, 1);

  info->id = sqlite3_column_int64 (stmt, 0);
  info->product_id = sqlite3_column_int64 (stmt, 1);
  info->evidence_id = sqlite3_column_int64 (stmt, 2);
  info->evidence_version = sqlite3_column_int (stmt, 3);
  info->product_version = column_dup (stmt, 4);
  if (!cf_sbom_format_from_id ((const char *) sqlite3_column_text (stmt, 5), &info->format))
    info->format = CF_SBOM_FORMAT_CYCLONEDX_JSON;
  info->spec_version = column_dup (stmt, 6);
  info->serial = column_dup (stmt, 7);
  info->name = column_dup (stmt, 8);
  info->timestamp = column_dup (stmt, 9);
  info->creator = column_dup (stmt, 10);
  info->tools = column_dup (stmt, 11);
  info->subject_name = column_dup (stmt, 12);
  info->subject_version = column_dup (stmt, 13);
  info->component_count = (guint) sqlite3_column_int64 (stmt, 14);
  info->imported_at = column_dup (stmt, 15);
  info->imported_by = column_dup (stmt, 16);
  info->file_name = column_dup (stmt, 17);
  info->sha256 = column_dup (stmt, 18);

  return info;
}

/**
 * cf_store_list_sboms:
 *
 * Returns: (transfer full) (element-type CfSbomInfo): the product's SBOMs,
 *   newest first, or %NULL with @error set
 */
GPtrArray *
cf_store_list_sboms (CfStore  *self,
                     gint64    product_id,
                     GError  **error)
{
  g_autoptr(GPtrArray) sboms = g_ptr_array_new_with_free_func ((GDestroyNotify) cf_sbom_info_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (CF_IS_STORE (self), NULL);

  if (!_cf_store_check_product (self, product_id, error))
    return NULL;

  stmt = _cf_store_prepare (self, "SELECT " INFO_COLUMNS " WHERE s.product_id = ? ORDER BY s.id DESC", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, product_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (sboms, info_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      _cf_store_set_error (self, error, rc, _("read the SBOMs"));
      return NULL;
    }

  return g_steal_pointer (&sboms);
}

CfSbomInfo *
cf_store_get_sbom_info (CfStore  *self,
                        gint64    sbom_id,
                        GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (CF_IS_STORE (self), NULL);

  stmt = _cf_store_prepare (self, "SELECT " INFO_COLUMNS " WHERE s.id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, sbom_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return info_from_row (stmt);
  if (rc == SQLITE_DONE)
    g_set_error (error, CF_ERROR, CF_ERROR_NOT_FOUND, _("There is no SBOM with id %" PRId64 " in “%s”."),
                 sbom_id, cf_store_get_path (self));
  else
    _cf_store_set_error (self, error, rc, _("read the SBOM"));

  return NULL;
}

/**
 * cf_store_load_sbom:
 *
 * Returns: (transfer full): the SBOM as imported, with its components in
 *   their order in the file, or %NULL with @error set
 */
CfSbom *
cf_store_load_sbom (CfStore  *self,
                    gint64    sbom_id,
                    GError  **error)
{
  g_autoptr(CfSbomInfo) info = cf_store_get_sbom_info (self, sbom_id, error);
  g_autoptr(CfSbom) sbom = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (info == NULL)
    return NULL;

  sbom = cf_sbom_new (info->format);
  sbom->spec_version = g_steal_pointer (&info->spec_version);
  sbom->serial = g_steal_pointer (&info->serial);
  sbom->name = g_steal_pointer (&info->name);
  sbom->timestamp = g_steal_pointer (&info->timestamp);
  sbom->creator = g_steal_pointer (&info->creator);
  sbom->tools = g_steal_pointer (&info->tools);
  sbom->subject_name = g_steal_pointer (&info->subject_name);
  sbom->subject_version = g_steal_pointer (&info->subject_version);

  stmt = _cf_store_prepare (self,
                            "SELECT ref, name, version, type, supplier, author, purl, cpe, licences, filename,"
                            " download, hashes, depends_on, dependencies_known"
                            " FROM sbom_component WHERE sbom_id = ? ORDER BY seq",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, sbom_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CfSbomComponent *c = cf_sbom_component_new ();

      c->ref = column_dup (stmt, 0);
      c->name = column_dup (stmt, 1);
      c->version = column_dup (stmt, 2);
      c->type = column_dup (stmt, 3);
      c->supplier = column_dup (stmt, 4);
      c->author = column_dup (stmt, 5);
      c->purl = column_dup (stmt, 6);
      c->cpe = column_dup (stmt, 7);
      c->licences = column_dup (stmt, 8);
      c->filename = column_dup (stmt, 9);
      c->download = column_dup (stmt, 10);
      g_ptr_array_extend_and_steal (c->hashes, split_hashes ((const char *) sqlite3_column_text (stmt, 11)));
      split_refs (c->depends_on, (const char *) sqlite3_column_text (stmt, 12));
      c->dependencies_known = sqlite3_column_int (stmt, 13) != 0;
      g_ptr_array_add (sbom->components, c);
    }
  if (rc != SQLITE_DONE)
    {
      _cf_store_set_error (self, error, rc, _("read the SBOM’s components"));
      return NULL;
    }

  return g_steal_pointer (&sbom);
}
