/* cf-review-window.c — opens a dossier read-only, proves it intact, shows
 * what the manufacturer assessed, and records the reviewer's findings
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cf-app"

#include "config.h"

#include <errno.h>
#include <inttypes.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "cf-category.h"
#include "cf-procedure.h"
#include "cf-review-report.h"
#include "cf-review-window.h"
#include "cf-review.h"

struct _CfReviewWindow
{
  AdwWindow            parent_instance;

  CfContext           *context;
  GFile               *dossier;
  GCancellable        *cancellable;
  gint64               review_id;
  CfReview            *review;
  CfAssessmentData    *data;      /* NULL when the dossier holds no assessment */

  AdwToastOverlay     *toasts;
  AdwWindowTitle      *title;
  GtkStack            *stack;
  GtkProgressBar      *progress;
  AdwStatusPage       *error_page;
  GtkWidget           *report_button;
  GtkWidget           *export_button;
  AdwPreferencesPage  *page;
  AdwPreferencesGroup *findings_group;
  GPtrArray           *finding_rows;    /* the rows in findings_group, to remove them */

  /* Written by the worker, read on the main thread. */
  GMutex               lock;
  guint64              done;
  guint64              total;
  guint                progress_source;
};

G_DEFINE_FINAL_TYPE (CfReviewWindow, cf_review_window, ADW_TYPE_WINDOW)

static void
toast (CfReviewWindow *self,
       const char     *text)
{
  AdwToast *toast = adw_toast_new (text);

  adw_toast_set_timeout (toast, 6);
  adw_toast_overlay_add_toast (self->toasts, toast);
}

static CfStore *
get_store (CfReviewWindow *self)
{
  return cf_context_get_store (self->context);
}

static AdwActionRow *
add_text_row (AdwPreferencesGroup *group,
              const char          *title,
              const char          *value)
{
  AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (row, value != NULL && *value != '\0' ? value : "—");
  gtk_widget_add_css_class (GTK_WIDGET (row), "property");
  adw_preferences_group_add (group, GTK_WIDGET (row));

  return row;
}

/* ─── Opening members ─── */

static void
opened_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(CfReviewWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_task_propagate_pointer (G_TASK (result), &error);
  g_autofree char *uri = NULL;

  if (file == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        toast (self, error->message);
      return;
    }

  uri = g_file_get_uri (file);
  gtk_show_uri (GTK_WINDOW (self), uri, GDK_CURRENT_TIME);
}

typedef struct
{
  GFile *dossier;
  char  *member;
  char  *sha256;
  char  *seal;
} OpenMember;

static void
open_member_free (OpenMember *open)
{
  g_object_unref (open->dossier);
  g_free (open->member);
  g_free (open->sha256);
  g_free (open->seal);
  g_free (open);
}

/* The default application needs a file: the member is copied to the user's
 * cache, readable by the user only, checked against the manifest on the
 * way, and opened from there. */
static void
open_member_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  OpenMember *open = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autofree char *short_seal = g_strndup (open->seal, 12);
  g_autofree char *folder = g_build_filename (g_get_user_cache_dir (), "conformity", "review",
                                              short_seal, NULL);
  g_autofree char *name = g_path_get_basename (open->member);
  g_autofree char *path = NULL;

  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved_errno = errno;

      g_task_return_new_error (task, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                               _("Could not create the folder “%s”: %s"), folder,
                               g_strerror (saved_errno));
      return;
    }

  path = g_build_filename (folder, name, NULL);
  file = g_file_new_for_path (path);
  stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_PRIVATE | G_FILE_CREATE_REPLACE_DESTINATION,
                           cancellable, &error);
  if (stream == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (!cf_dossier_extract_member (open->dossier, open->member, open->sha256,
                                  G_OUTPUT_STREAM (stream), cancellable, &error))
    {
      g_autoptr(GCancellable) abandon = g_cancellable_new ();

      /* A cancelled close leaves nothing under the name. */
      g_cancellable_cancel (abandon);
      g_output_stream_close (G_OUTPUT_STREAM (stream), abandon, NULL);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (!g_output_stream_close (G_OUTPUT_STREAM (stream), cancellable, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_pointer (task, g_steal_pointer (&file), g_object_unref);
}

static void
open_member (CfReviewWindow *self,
             const char     *member,
             const char     *sha256)
{
  g_autoptr(GTask) task = g_task_new (NULL, self->cancellable, opened_cb, g_object_ref (self));
  OpenMember *open = g_new0 (OpenMember, 1);

  open->dossier = g_file_new_for_path (self->review->dossier_path);
  open->member = g_strdup (member);
  open->sha256 = g_strdup (sha256);
  open->seal = g_strdup (self->review->seal);
  g_task_set_task_data (task, open, (GDestroyNotify) open_member_free);
  g_task_run_in_thread (task, open_member_thread);
}

static void
open_clicked_cb (GtkButton      *button,
                 CfReviewWindow *self)
{
  open_member (self, g_object_get_data (G_OBJECT (button), "member"),
               g_object_get_data (G_OBJECT (button), "sha256"));
}

static GtkWidget *
new_open_button (CfReviewWindow  *self,
                 CfDossierMember *member)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("document-open-symbolic");
  g_autofree char *tooltip = g_strdup_printf (_("Open “%s”"), member->path);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  g_object_set_data_full (G_OBJECT (button), "member", g_strdup (member->path), g_free);
  g_object_set_data_full (G_OBJECT (button), "sha256", g_strdup (member->sha256), g_free);
  g_signal_connect (button, "clicked", G_CALLBACK (open_clicked_cb), self);

  return button;
}

/* ─── Findings ─── */

static void refresh_findings (CfReviewWindow *self);

static void
remove_finding_cb (GtkButton      *button,
                   CfReviewWindow *self)
{
  g_autoptr(GError) error = NULL;
  gint number = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "number"));

  if (!cf_store_remove_review_finding (get_store (self), self->review_id, number, &error))
    toast (self, error->message);
  refresh_findings (self);
}

static void
refresh_findings (CfReviewWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) findings = cf_store_list_review_findings (get_store (self), self->review_id,
                                                                  &error);

  for (guint i = 0; i < self->finding_rows->len; i++)
    adw_preferences_group_remove (self->findings_group, g_ptr_array_index (self->finding_rows, i));
  g_ptr_array_set_size (self->finding_rows, 0);

  if (findings == NULL)
    {
      toast (self, error->message);
      return;
    }

  if (findings->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     _("No findings yet: add them on the requirements and "
                                       "documents below."));
      gtk_widget_add_css_class (row, "dim-label");
      adw_preferences_group_add (self->findings_group, row);
      g_ptr_array_add (self->finding_rows, row);
    }

  for (guint i = 0; i < findings->len; i++)
    {
      CfFinding *finding = g_ptr_array_index (findings, i);
      g_autofree char *label = cf_finding_dup_label (finding);
      g_autofree char *target = cf_finding_dup_target_label (finding, cf_context_get_catalogue (self->context));
      g_autofree char *title = g_strdup_printf ("%s · %s", label, target);
      g_autofree char *subtitle = NULL;
      g_autofree char *tooltip = g_strdup_printf (_("Remove %s"), label);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

      subtitle = finding->text != NULL && *finding->text != '\0'
                 ? g_strdup_printf ("%s — %s", cf_finding_severity_get_label (finding->severity),
                                    finding->text)
                 : g_strdup (cf_finding_severity_get_label (finding->severity));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 12);
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_tooltip_text (remove, tooltip);
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
      g_object_set_data (G_OBJECT (remove), "number", GINT_TO_POINTER (finding->number));
      g_signal_connect (remove, "clicked", G_CALLBACK (remove_finding_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
      adw_preferences_group_add (self->findings_group, row);
      g_ptr_array_add (self->finding_rows, row);
    }

  gtk_widget_set_sensitive (self->export_button, TRUE);
}

static void
finding_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     CfReviewWindow   *self)
{
  g_autoptr(CfFinding) finding = NULL;
  g_autoptr(GError) error = NULL;
  GtkDropDown *severity = g_object_get_data (G_OBJECT (dialog), "severity");
  GtkTextBuffer *buffer = g_object_get_data (G_OBJECT (dialog), "text");
  GtkTextIter start, end;

  if (!g_str_equal (response, "add"))
    return;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  finding = cf_finding_new ();
  finding->target_kind = g_strdup (g_object_get_data (G_OBJECT (dialog), "target-kind"));
  finding->target = g_strdup (g_object_get_data (G_OBJECT (dialog), "target"));
  finding->severity = g_strdup (cf_finding_severity_list ()[gtk_drop_down_get_selected (severity)]);
  finding->text = g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));

  /* Nothing the reviewer wrote is lost: a refusal says why, and the text is
   * offered again. */
  if (cf_review_add_finding (get_store (self), cf_context_get_catalogue (self->context),
                             self->review_id, finding, &error) == 0)
    {
      toast (self, error->message);
      return;
    }

  refresh_findings (self);
  {
    g_autofree char *label = cf_finding_dup_label (finding);
    g_autofree char *message = g_strdup_printf (_("%s recorded"), label);

    toast (self, message);
  }
}

/* Asks for a finding's severity and text and records it on @target. */
static GtkWidget *
add_finding_dialog (CfReviewWindow *self,
                    const char     *target_kind,
                    const char     *target,
                    const char     *shown_target)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Add Finding"), shown_target);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *severity_label = gtk_label_new_with_mnemonic (_("_Severity"));
  GtkWidget *text_label = gtk_label_new_with_mnemonic (_("What was _found"));
  GtkStringList *severities = gtk_string_list_new (NULL);
  GtkWidget *severity;
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *text = gtk_text_view_new ();

  for (const char * const *id = cf_finding_severity_list (); *id != NULL; id++)
    gtk_string_list_append (severities, cf_finding_severity_get_label (*id));
  severity = gtk_drop_down_new (G_LIST_MODEL (severities), NULL);
  gtk_widget_set_name (severity, "severity");
  gtk_widget_set_name (text, "finding-text");

  gtk_widget_set_halign (severity_label, GTK_ALIGN_START);
  gtk_widget_set_halign (text_label, GTK_ALIGN_START);
  gtk_label_set_mnemonic_widget (GTK_LABEL (severity_label), severity);
  gtk_label_set_mnemonic_widget (GTK_LABEL (text_label), text);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (text), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (text), 6);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (text), 6);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), text);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 120);
  gtk_widget_add_css_class (scrolled, "card");
  gtk_box_append (GTK_BOX (box), severity_label);
  gtk_box_append (GTK_BOX (box), severity);
  gtk_box_append (GTK_BOX (box), text_label);
  gtk_box_append (GTK_BOX (box), scrolled);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "add", _("_Add Finding"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "add",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "target-kind", g_strdup (target_kind), g_free);
  g_object_set_data_full (G_OBJECT (dialog), "target", g_strdup (target), g_free);
  g_object_set_data (G_OBJECT (dialog), "severity", severity);
  g_object_set_data (G_OBJECT (dialog), "text", gtk_text_view_get_buffer (GTK_TEXT_VIEW (text)));
  g_signal_connect (dialog, "response", G_CALLBACK (finding_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));

  return dialog;
}

static void
add_finding_clicked_cb (GtkButton      *button,
                        CfReviewWindow *self)
{
  add_finding_dialog (self, g_object_get_data (G_OBJECT (button), "target-kind"),
                      g_object_get_data (G_OBJECT (button), "target"),
                      g_object_get_data (G_OBJECT (button), "shown"));
}

static GtkWidget *
new_finding_button (CfReviewWindow *self,
                    const char     *target_kind,
                    const char     *target,
                    const char     *shown)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (_("Add _Finding…"));
  g_autofree char *tooltip = g_strdup_printf (_("Record a finding on %s"), shown);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  g_object_set_data_full (G_OBJECT (button), "target-kind", g_strdup (target_kind), g_free);
  g_object_set_data_full (G_OBJECT (button), "target", g_strdup (target), g_free);
  g_object_set_data_full (G_OBJECT (button), "shown", g_strdup (shown), g_free);
  g_signal_connect (button, "clicked", G_CALLBACK (add_finding_clicked_cb), self);

  return button;
}

/* ─── The review page ─── */

static const char *
procedure_label (const char *id)
{
  CfProcedure procedure;

  return id != NULL && cf_procedure_from_id (id, &procedure) ? cf_procedure_get_label (procedure) : id;
}

static void
copy_seal_cb (CfReviewWindow *self)
{
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), self->review->seal);
  toast (self, _("Seal copied"));
}

static void
add_dossier_group (CfReviewWindow *self)
{
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  CfCategory category;
  g_autofree char *signer = NULL;

  adw_preferences_group_set_title (group, _("Dossier"));
  adw_preferences_group_set_description (group, _("Every file was checked against the manifest "
                                                  "when the review was opened, and is checked "
                                                  "again whenever it is opened."));
  add_text_row (group, _("Product"), self->review->product_name);
  if (self->data != NULL)
    {
      add_text_row (group, _("Model"), self->data->product_model);
      add_text_row (group, _("Version"), self->data->product_version);
    }
  add_text_row (group, _("Manufacturer"), self->review->manufacturer_name);
  add_text_row (group, _("Category"),
                self->review->category != NULL && cf_category_from_id (self->review->category, &category)
                ? cf_category_get_label (category) : self->review->category);
  add_text_row (group, _("Procedure in the declaration"), procedure_label (self->review->procedure));
  if (self->data != NULL)
    {
      g_autoptr(GString) open = g_string_new (NULL);

      for (guint i = 0; self->data->procedures[i] != NULL; i++)
        g_string_append_printf (open, "%s%s", i > 0 ? "\n" : "", procedure_label (self->data->procedures[i]));
      add_text_row (group, _("Procedures open under Article 32"), open->str);
    }
  {
    AdwActionRow *row = add_text_row (group, _("Seal (SHA-256 of the manifest)"), self->review->seal);
    GtkWidget *copy = gtk_button_new_from_icon_name ("edit-copy-symbolic");

    gtk_widget_set_name (GTK_WIDGET (row), "seal");
    gtk_widget_set_valign (copy, GTK_ALIGN_CENTER);
    gtk_widget_add_css_class (copy, "flat");
    gtk_widget_set_tooltip_text (copy, _("Copy the seal"));
    gtk_accessible_update_property (GTK_ACCESSIBLE (copy), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    _("Copy the seal"), -1);
    g_signal_connect_swapped (copy, "clicked", G_CALLBACK (copy_seal_cb), self);
    adw_action_row_add_suffix (row, copy);
  }
  signer = self->review->signer != NULL ? g_strdup (self->review->signer)
                                        : g_strdup (_("Not signed: compare the seal with the one the manufacturer communicated"));
  add_text_row (group, _("Signed by"), signer);
  adw_preferences_page_add (self->page, group);
}

static void
add_documents_group (CfReviewWindow *self,
                     GPtrArray      *members)
{
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  guint n = 0;

  adw_preferences_group_set_title (group, _("Documents"));
  for (guint i = 0; i < members->len; i++)
    {
      CfDossierMember *member = g_ptr_array_index (members, i);
      g_autofree char *size = NULL;
      GtkWidget *row;

      if (!g_str_has_prefix (member->path, "documents/"))
        continue;

      size = g_format_size (member->size);
      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), member->path + strlen ("documents/"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), size);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), new_open_button (self, member));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 new_finding_button (self, CF_FINDING_TARGET_DOCUMENT, member->path,
                                                     member->path));
      adw_preferences_group_add (group, row);
      n++;
    }

  if (n == 0)
    adw_preferences_group_set_description (group, _("The dossier holds no generated documents."));
  adw_preferences_page_add (self->page, group);
}

static CfDossierMember *
evidence_member (GPtrArray *members,
                 gint64     id)
{
  g_autofree char *prefix = g_strdup_printf ("evidence/E%" G_GINT64_FORMAT "/", id);

  for (guint i = 0; i < members->len; i++)
    if (g_str_has_prefix (((CfDossierMember *) g_ptr_array_index (members, i))->path, prefix))
      return g_ptr_array_index (members, i);

  return NULL;
}

static void
add_requirements_group (CfReviewWindow *self,
                        GPtrArray      *members)
{
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());

  adw_preferences_group_set_title (group, _("Essential Requirements"));
  if (self->data == NULL)
    {
      adw_preferences_group_set_description (group, _("The dossier holds no assessment data: it "
                                                      "was exported by an older version of "
                                                      "Conformity."));
      adw_preferences_page_add (self->page, group);
      return;
    }

  adw_preferences_group_set_description (group, _("As the manufacturer assessed them, with the "
                                                  "evidence attached to each."));
  for (guint i = 0; i < self->data->requirements->len; i++)
    {
      CfAssessedRequirement *req = g_ptr_array_index (self->data->requirements, i);
      GtkWidget *expander = adw_expander_row_new ();
      const char *state;
      CfStatus status;

      if (!req->assessed)
        state = _("Not assessed");
      else if (!req->applies)
        state = _("Does not apply");
      else if (req->status != NULL && cf_status_from_id (req->status, &status))
        state = cf_status_get_label (status);
      else
        state = req->status;

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (expander), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), req->reference);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), state);
      gtk_widget_set_name (expander, req->id);
      adw_expander_row_add_action (ADW_EXPANDER_ROW (expander),
                                   new_finding_button (self, CF_FINDING_TARGET_REQUIREMENT, req->id,
                                                       req->reference));

      {
        GtkWidget *row = adw_action_row_new ();

        adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
        adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Requirement"));
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), req->text != NULL ? req->text : "");
        gtk_widget_add_css_class (row, "property");
        adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
      }

      if (req->assessed)
        {
          GtkWidget *row = adw_action_row_new ();
          const char *words = req->applies ? req->measures : req->justification;

          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                         req->applies ? _("How it is met") : _("Why it does not apply"));
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), words != NULL ? words : "—");
          gtk_widget_add_css_class (row, "property");
          adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
        }

      if (req->standards[0] != NULL)
        {
          GtkWidget *row = adw_action_row_new ();
          g_autofree char *standards = g_strjoinv ("\n", req->standards);

          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Standards relied on"));
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), standards);
          gtk_widget_add_css_class (row, "property");
          adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
        }

      for (guint e = 0; e < req->evidence->len; e++)
        {
          gint64 id = g_array_index (req->evidence, gint64, e);
          CfAssessedEvidence *item = cf_assessment_data_find_evidence (self->data, id);
          CfDossierMember *member = evidence_member (members, id);
          GtkWidget *row = adw_action_row_new ();
          g_autofree char *title = g_strdup_printf (_("Evidence E%" PRId64 ": %s"), id,
                                                    item != NULL ? item->title : "");

          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                       member != NULL ? member->path
                                                      : _("Not in the dossier: the item has no file"));
          if (member != NULL)
            adw_action_row_add_suffix (ADW_ACTION_ROW (row), new_open_button (self, member));
          adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
        }

      adw_preferences_group_add (group, expander);
    }

  adw_preferences_page_add (self->page, group);
}

static gboolean
populate (CfReviewWindow  *self,
          GError         **error)
{
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *subtitle = NULL;

  self->review = cf_store_get_review (get_store (self), self->review_id, error);
  if (self->review == NULL)
    return FALSE;

  self->data = cf_review_load_assessment (self->review, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  members = cf_review_list_members (self->review, NULL, error);
  if (members == NULL)
    return FALSE;

  adw_window_title_set_title (self->title, self->review->product_name);
  subtitle = g_strdup_printf (_("Review · seal %.12s…"), self->review->seal);
  adw_window_title_set_subtitle (self->title, subtitle);

  add_dossier_group (self);

  self->findings_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->findings_group, _("Findings"));
  adw_preferences_page_add (self->page, self->findings_group);
  refresh_findings (self);

  add_documents_group (self, members);
  add_requirements_group (self, members);

  gtk_widget_set_sensitive (self->report_button, TRUE);
  gtk_widget_set_sensitive (self->export_button, TRUE);
  gtk_stack_set_visible_child_name (self->stack, "review");

  return TRUE;
}

/* ─── Checking the dossier ─── */

static void
progress_cb (guint64  done,
             guint64  total,
             gpointer user_data)
{
  CfReviewWindow *self = user_data;
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->lock);

  self->done = done;
  self->total = total;
}

static gboolean
update_progress_cb (gpointer user_data)
{
  CfReviewWindow *self = user_data;
  guint64 done, total;

  g_mutex_lock (&self->lock);
  done = self->done;
  total = self->total;
  g_mutex_unlock (&self->lock);

  if (total > 0)
    {
      g_autofree char *shown_done = g_format_size (done);
      g_autofree char *shown_total = g_format_size (total);
      g_autofree char *text = g_strdup_printf (_("%s of %s checked"), shown_done, shown_total);

      gtk_progress_bar_set_fraction (self->progress, (double) done / (double) total);
      gtk_progress_bar_set_text (self->progress, text);
    }

  return G_SOURCE_CONTINUE;
}

static void
check_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  CfReviewWindow *self = source_object;
  g_autoptr(GError) error = NULL;
  gint64 id;

  id = cf_review_open_dossier (get_store (self), self->dossier, NULL, progress_cb, self, NULL,
                               cancellable, &error);
  if (id == 0)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_int (task, id);
}

static void
checked_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  CfReviewWindow *self = CF_REVIEW_WINDOW (source);
  g_autoptr(GError) error = NULL;
  gint64 id = g_task_propagate_int (G_TASK (result), &error);

  g_clear_handle_id (&self->progress_source, g_source_remove);

  /* g_task_propagate_int() gives -1 on error. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }

  if (error == NULL)
    {
      self->review_id = id;
      if (populate (self, &error))
        return;
    }

  adw_status_page_set_description (self->error_page, error->message);
  gtk_stack_set_visible_child_name (self->stack, "error");
}

static void
cancel_clicked_cb (CfReviewWindow *self)
{
  g_cancellable_cancel (self->cancellable);
}

/* ─── Report and findings file ─── */

static void
report_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  CfReviewWindow *self = source_object;
  GFile *file = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = cf_review_report_render (get_store (self), cf_context_get_catalogue (self->context),
                                                   self->review_id, cancellable, &error);

  if (pdf == NULL ||
      !g_file_replace_contents (file, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), NULL,
                                FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL, cancellable, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_boolean (task, TRUE);
}

static void
written_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  CfReviewWindow *self = CF_REVIEW_WINDOW (source);
  GFile *file = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *message = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        toast (self, error->message);
      return;
    }

  message = g_strdup_printf (_("Saved “%s”"), name);
  toast (self, message);
}

/**
 * cf_review_window_save_report:
 *
 * Writes the review report PDF to @file in a worker; a toast says when it
 * is done or why it failed.
 */
void
cf_review_window_save_report (CfReviewWindow *self,
                              GFile          *file)
{
  g_autoptr(GTask) task = g_task_new (self, self->cancellable, written_cb, NULL);

  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, report_thread);
}

/**
 * cf_review_window_export_findings:
 *
 * Writes the findings file for the manufacturer to @file.
 */
void
cf_review_window_export_findings (CfReviewWindow *self,
                                  GFile          *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfFindingsFile) findings = cf_review_build_findings (get_store (self), self->review_id, &error);
  g_autoptr(GBytes) content = NULL;
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *message = NULL;

  if (findings != NULL)
    content = cf_findings_file_write (findings);
  if (content == NULL ||
      !g_file_replace_contents (file, g_bytes_get_data (content, NULL), g_bytes_get_size (content),
                                NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL, &error))
    {
      toast (self, error->message);
      return;
    }

  message = g_strdup_printf (ngettext ("Saved “%s”, %u finding", "Saved “%s”, %u findings",
                                       findings->findings->len), name, findings->findings->len);
  toast (self, message);
}

typedef void (*SaveFunc) (CfReviewWindow *self, GFile *file);

static void
save_response_cb (GtkNativeDialog *chooser,
                  int              response,
                  gpointer         user_data)
{
  g_autoptr(CfReviewWindow) self = user_data;
  SaveFunc save = g_object_get_data (G_OBJECT (chooser), "save");

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      save (self, file);
    }

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
choose_and_save (CfReviewWindow *self,
                 const char     *title,
                 const char     *name,
                 SaveFunc        save)
{
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (self),
                                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                                               _("_Save"), _("_Cancel"));

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_object_set_data (G_OBJECT (chooser), "save", save);
  g_signal_connect (chooser, "response", G_CALLBACK (save_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
report_clicked_cb (CfReviewWindow *self)
{
  g_autofree char *name = g_strdup_printf (_("%s review report.pdf"), self->review->product_name);

  g_strdelimit (name, "/\\", '-');
  choose_and_save (self, _("Save Review Report"), name, cf_review_window_save_report);
}

static void
export_clicked_cb (CfReviewWindow *self)
{
  g_autofree char *name = g_strdup_printf (_("%s findings.json"), self->review->product_name);

  g_strdelimit (name, "/\\", '-');
  choose_and_save (self, _("Export Findings"), name, cf_review_window_export_findings);
}

/* ─── The window ─── */

static GtkWidget *
build_checking_page (CfReviewWindow *self)
{
  GtkWidget *status = adw_status_page_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "emblem-synchronizing-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (status), _("Checking the Dossier"));
  adw_status_page_set_description (ADW_STATUS_PAGE (status),
                                   _("Every file is read and compared with the manifest before "
                                     "the review begins. Nothing is extracted."));
  self->progress = GTK_PROGRESS_BAR (gtk_progress_bar_new ());
  gtk_progress_bar_set_show_text (self->progress, TRUE);
  gtk_widget_set_size_request (GTK_WIDGET (self->progress), 320, -1);
  gtk_widget_set_halign (cancel, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (cancel, "pill");
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (cancel_clicked_cb), self);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->progress));
  gtk_box_append (GTK_BOX (box), cancel);
  gtk_widget_set_halign (box, GTK_ALIGN_CENTER);
  adw_status_page_set_child (ADW_STATUS_PAGE (status), box);

  return status;
}

static void
cf_review_window_dispose (GObject *object)
{
  CfReviewWindow *self = CF_REVIEW_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->progress_source, g_source_remove);

  G_OBJECT_CLASS (cf_review_window_parent_class)->dispose (object);
}

static void
cf_review_window_finalize (GObject *object)
{
  CfReviewWindow *self = CF_REVIEW_WINDOW (object);

  g_clear_object (&self->context);
  g_clear_object (&self->dossier);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->review, cf_review_free);
  g_clear_pointer (&self->data, cf_assessment_data_free);
  g_clear_pointer (&self->finding_rows, g_ptr_array_unref);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (cf_review_window_parent_class)->finalize (object);
}

static void
cf_review_window_class_init (CfReviewWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cf_review_window_dispose;
  object_class->finalize = cf_review_window_finalize;

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
cf_review_window_init (CfReviewWindow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *error_page = adw_status_page_new ();

  self->cancellable = g_cancellable_new ();
  self->finding_rows = g_ptr_array_new ();
  g_mutex_init (&self->lock);

  gtk_window_set_default_size (GTK_WINDOW (self), 860, 760);
  gtk_window_set_title (GTK_WINDOW (self), _("Review"));

  self->title = ADW_WINDOW_TITLE (adw_window_title_new (_("Review"), NULL));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), GTK_WIDGET (self->title));

  self->report_button = gtk_button_new_with_mnemonic (_("_Report…"));
  gtk_widget_set_tooltip_text (self->report_button, _("Save the review report as a PDF"));
  gtk_widget_set_sensitive (self->report_button, FALSE);
  g_signal_connect_swapped (self->report_button, "clicked", G_CALLBACK (report_clicked_cb), self);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->report_button);

  self->export_button = gtk_button_new_with_mnemonic (_("_Export Findings…"));
  gtk_widget_set_tooltip_text (self->export_button,
                               _("Write the findings to a file the manufacturer imports"));
  gtk_widget_set_sensitive (self->export_button, FALSE);
  gtk_widget_add_css_class (self->export_button, "suggested-action");
  g_signal_connect_swapped (self->export_button, "clicked", G_CALLBACK (export_clicked_cb), self);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->export_button);

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);
  gtk_stack_add_named (self->stack, build_checking_page (self), "checking");

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (error_page), "dialog-warning-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (error_page), _("Dossier Not Opened"));
  self->error_page = ADW_STATUS_PAGE (error_page);
  gtk_stack_add_named (self->stack, error_page, "error");

  self->page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->page), "review");

  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->stack));
  self->toasts = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_toast_overlay_set_child (self->toasts, box);
  adw_window_set_content (ADW_WINDOW (self), GTK_WIDGET (self->toasts));
}

/**
 * cf_review_window_new:
 * @context: the reviewer's own project, where the review is kept
 * @dossier: the ZIP to review
 *
 * Opens a window that checks @dossier in a worker (with progress and
 * Cancel), then shows it read-only for review.
 */
CfReviewWindow *
cf_review_window_new (GtkWindow  *parent,
                      CfContext  *context,
                      GFile      *dossier)
{
  CfReviewWindow *self = g_object_new (CF_TYPE_REVIEW_WINDOW,
                                       "application", parent != NULL ? gtk_window_get_application (parent) : NULL,
                                       NULL);
  g_autoptr(GTask) task = NULL;

  self->context = g_object_ref (context);
  self->dossier = g_object_ref (dossier);

  self->progress_source = g_timeout_add (100, update_progress_cb, self);
  task = g_task_new (self, self->cancellable, checked_cb, NULL);
  g_task_run_in_thread (task, check_thread);

  return self;
}

gint64
cf_review_window_get_review_id (CfReviewWindow *self)
{
  g_return_val_if_fail (CF_IS_REVIEW_WINDOW (self), 0);

  return self->review_id;
}
