/* cf-window.c — the main window: products on the left, one product on the right
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cf-window"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cf-deadlines-view.h"
#include "cf-cases-view.h"
#include "cf-evidence-view.h"
#include "cf-evidence-list.h"
#include "cf-overview-view.h"
#include "cf-product-list.h"
#include "cf-product-page.h"
#include "cf-product-row.h"
#include "cf-record-editor.h"
#include "cf-requirements-view.h"
#include "cf-risk-view.h"
#include "cf-sbom-view.h"
#include "cf-window.h"
#include "cf-review-window.h"

struct _CfWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwLeaflet           *leaflet;
  GtkWidget            *sidebar;
  GtkWidget            *content;
  AdwWindowTitle       *sidebar_title;
  AdwViewSwitcherTitle *view_title;
  AdwViewStack         *view_stack;
  GtkListView          *product_list_view;
  GtkLabel             *manufacturer_label;
  GtkStack             *stack;
  GtkListBox           *deadlines_sidebar;
  GtkImage             *deadlines_icon;
  GtkLabel             *deadlines_count;
  GtkRevealer          *overdue_banner;
  GtkLabel             *overdue_label;
  GtkSearchBar         *search_bar;
  GtkSearchEntry       *search_entry;
  GtkLabel             *no_match_label;

  CfContext            *context;
  CfProductList        *products;
  GtkCustomFilter      *filter;       /* the search bar's text */
  char                 *search_key;   /* casefolded, NULL: every product */
  GtkFilterListModel   *shown;        /* the products the sidebar shows */
  GtkSingleSelection   *selection;
  CfProductPage        *product_page;
  CfRequirementsView   *requirements_view;
  CfRiskView           *risk_view;
  CfOverviewView       *overview_view;
  CfEvidenceView       *evidence_view;
  CfSbomView           *sbom_view;
  CfCasesView          *cases_view;
  CfDeadlinesView      *deadlines_view;
  gboolean              showing_deadlines;   /* rather than a product */
  GSettings            *settings;
  gint64                selected_id;
  gboolean              closing_with_copies;   /* the user chose to stop them */
};

G_DEFINE_FINAL_TYPE (CfWindow, cf_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
show_error (CfWindow   *self,
            const char *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 8);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
update_manufacturer (CfWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfManufacturer) manufacturer = NULL;

  manufacturer = cf_store_get_manufacturer (cf_context_get_store (self->context), &error);
  if (error != NULL)
    show_error (self, error->message);

  if (manufacturer != NULL)
    gtk_label_set_text (self->manufacturer_label, cf_record_get_field (CF_RECORD (manufacturer), "name"));
  else
    gtk_label_set_text (self->manufacturer_label, _("Not recorded yet"));

  gtk_widget_set_tooltip_text (GTK_WIDGET (self->manufacturer_label),
                               manufacturer && cf_record_get_is_example (CF_RECORD (manufacturer))
                               ? _("Example data: replace it with your own") : NULL);
}

/* Every view of the product follows the selection. */
static void
set_views_product_id (CfWindow *self,
                      gint64    product_id)
{
  cf_product_page_set_product_id (self->product_page, product_id);
  cf_requirements_view_set_product_id (self->requirements_view, product_id);
  cf_risk_view_set_product_id (self->risk_view, product_id);
  cf_overview_view_set_product_id (self->overview_view, product_id);
  cf_evidence_view_set_product_id (self->evidence_view, product_id);
  cf_sbom_view_set_product_id (self->sbom_view, product_id);
  cf_cases_view_set_product_id (self->cases_view, product_id);
}

/* The sidebar entry counts the reports still to be submitted; a banner over
 * every page says when one is overdue, except over the deadlines themselves. */
static void
update_deadlines_status (CfWindow *self)
{
  guint n_open, n_overdue;
  g_autofree char *count = NULL;
  g_autofree char *banner = NULL;

  if (self->deadlines_view == NULL)
    return;

  n_open = cf_deadlines_view_get_n_open (self->deadlines_view);
  n_overdue = cf_deadlines_view_get_n_overdue (self->deadlines_view);
  count = g_strdup_printf ("%u", n_open);
  banner = g_strdup_printf (ngettext ("%u reporting deadline is overdue",
                                      "%u reporting deadlines are overdue", n_overdue),
                            n_overdue);

  gtk_label_set_text (self->deadlines_count, count);
  gtk_widget_set_visible (GTK_WIDGET (self->deadlines_count), n_open > 0);
  if (n_overdue > 0)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->deadlines_count), "overdue");
      gtk_image_set_from_icon_name (self->deadlines_icon, "dialog-warning-symbolic");
      gtk_widget_add_css_class (GTK_WIDGET (self->deadlines_icon), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->deadlines_count), banner);
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->deadlines_count), "overdue");
      gtk_image_set_from_icon_name (self->deadlines_icon, "alarm-symbolic");
      gtk_widget_remove_css_class (GTK_WIDGET (self->deadlines_icon), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->deadlines_count), NULL);
    }

  gtk_label_set_text (self->overdue_label, banner);
  gtk_revealer_set_reveal_child (self->overdue_banner, n_overdue > 0 && !self->showing_deadlines);
}

static void
show_selected (CfWindow *self)
{
  CfProduct *product = gtk_single_selection_get_selected_item (self->selection);

  /* A search that hides every product leaves the product shown as it is:
   * the welcome page would say there are none. */
  if (product == NULL && !self->showing_deadlines && self->search_key != NULL &&
      g_list_model_get_n_items (G_LIST_MODEL (self->products)) > 0)
    return;

  if (product == NULL)
    {
      self->selected_id = 0;
      adw_view_switcher_title_set_title (self->view_title,
                                         self->showing_deadlines ? _("Reporting Deadlines") : NULL);
      adw_view_switcher_title_set_subtitle (self->view_title, NULL);
      adw_view_switcher_title_set_view_switcher_enabled (self->view_title, FALSE);
      gtk_stack_set_visible_child_name (self->stack, self->showing_deadlines ? "deadlines" : "empty");
      set_views_product_id (self, 0);
      update_deadlines_status (self);
      return;
    }

  /* Choosing a product leaves the deadlines. */
  self->showing_deadlines = FALSE;
  gtk_single_selection_set_autoselect (self->selection, TRUE);
  gtk_list_box_unselect_all (self->deadlines_sidebar);
  update_deadlines_status (self);

  {
    g_autofree char *title = cf_product_dup_display_name (product);

    self->selected_id = cf_record_get_id (CF_RECORD (product));
    if (self->settings != NULL)
      g_settings_set_int64 (self->settings, "last-product-id", self->selected_id);
    adw_view_switcher_title_set_title (self->view_title, title);
    adw_view_switcher_title_set_subtitle (self->view_title,
                                          cf_record_get_is_example (CF_RECORD (product)) ? _("Example") : NULL);
    adw_view_switcher_title_set_view_switcher_enabled (self->view_title, TRUE);
    set_views_product_id (self, self->selected_id);
    gtk_stack_set_visible_child_name (self->stack, "product");
  }
}

/* Where the sidebar shows a product, or G_MAXUINT when a search hides it. */
static guint
find_shown (CfWindow *self,
            gint64    product_id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->shown));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CfRecord) record = g_list_model_get_item (G_LIST_MODEL (self->shown), i);

      if (cf_record_get_id (record) == product_id)
        return i;
    }
  return G_MAXUINT;
}

static void
select_product (CfWindow *self,
                gint64    product_id)
{
  guint position;

  /* A product chosen elsewhere (a new one, a deadline's) is never hidden
   * by an earlier search. */
  if (find_shown (self, product_id) == G_MAXUINT && self->search_key != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");

  position = find_shown (self, product_id);
  if (position != G_MAXUINT)
    gtk_single_selection_set_selected (self->selection, position);
}

static void
selection_changed_cb (CfWindow   *self,
                      GParamSpec *pspec,
                      gpointer    selection)
{
  show_selected (self);
}

/* The list is rebuilt when products change: keep the same product selected. */
static void
products_changed_cb (CfWindow   *self,
                     guint       position,
                     guint       removed,
                     guint       added,
                     GListModel *model)
{
  gint64 keep = self->selected_id;

  if (keep != 0 && find_shown (self, keep) != G_MAXUINT)
    select_product (self, keep);
  show_selected (self);
}

/* Finding a product */

static gboolean
product_matches (gpointer item,
                 gpointer user_data)
{
  CfWindow *self = user_data;
  CfProduct *product = item;
  const char *parts[] = {
    cf_product_get_name (product),
    cf_product_get_model (product),
    cf_product_get_version (product),
  };

  if (self->search_key == NULL)
    return TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    if (parts[i] != NULL)
      {
        g_autofree char *folded = g_utf8_casefold (parts[i], -1);

        if (strstr (folded, self->search_key) != NULL)
          return TRUE;
      }
  return FALSE;
}

static void
update_no_match (CfWindow *self)
{
  gboolean none = self->search_key != NULL && g_list_model_get_n_items (G_LIST_MODEL (self->shown)) == 0;

  if (none)
    {
      /* Translators: shown in the sidebar when a search finds nothing */
      g_autofree char *text = g_strdup_printf (_("No product matches “%s”"),
                                               gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));

      gtk_label_set_text (self->no_match_label, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->no_match_label), none);
}

static void
search_changed_cb (CfWindow       *self,
                   GtkSearchEntry *entry)
{
  g_autofree char *stripped = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));

  g_clear_pointer (&self->search_key, g_free);
  if (*stripped != '\0')
    self->search_key = g_utf8_casefold (stripped, -1);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_no_match (self);
}

/* Enter shows the first product found, as if it had been clicked. */
static void
search_activate_cb (CfWindow       *self,
                    GtkSearchEntry *entry)
{
  if (g_list_model_get_n_items (G_LIST_MODEL (self->shown)) == 0)
    return;

  gtk_single_selection_set_selected (self->selection, 0);
  adw_leaflet_set_visible_child (self->leaflet, self->content);
}

static void
search_mode_cb (CfWindow     *self,
                GParamSpec   *pspec,
                GtkSearchBar *bar)
{
  /* Closing the search shows every product again. */
  if (!gtk_search_bar_get_search_mode (bar))
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
find_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  CfWindow *self = CF_WINDOW (widget);

  adw_leaflet_set_visible_child (self->leaflet, self->sidebar);
  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
row_activated_cb (CfWindow    *self,
                  guint        position,
                  GtkListView *view)
{
  gtk_single_selection_set_selected (self->selection, position);
  adw_leaflet_set_visible_child (self->leaflet, self->content);
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  gtk_list_item_set_child (item, cf_product_row_new ());
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  cf_product_row_set_product (CF_PRODUCT_ROW (gtk_list_item_get_child (item)),
                              gtk_list_item_get_item (item));
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  cf_product_row_set_product (CF_PRODUCT_ROW (gtk_list_item_get_child (item)), NULL);
}

static void
store_changed_cb (CfWindow *self,
                  gint64    id,
                  CfStore  *store)
{
  update_manufacturer (self);
}

static void
add_toast_cb (CfWindow      *self,
              AdwToast      *toast,
              gpointer       source)
{
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* Actions */

static gboolean
save_new_product_cb (CfRecordEditor  *editor,
                     CfRecord        *record,
                     gpointer         user_data,
                     GError         **error)
{
  CfWindow *self = user_data;
  gint64 id;

  id = cf_store_add_product (cf_context_get_store (self->context), CF_PRODUCT (record), error);
  if (id == 0)
    return FALSE;

  select_product (self, id);
  adw_leaflet_set_visible_child (self->leaflet, self->content);
  return TRUE;
}

static void
review_response_cb (GtkNativeDialog *chooser,
                    int              response,
                    gpointer         user_data)
{
  g_autoptr(CfWindow) self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      gtk_window_present (GTK_WINDOW (cf_review_window_new (GTK_WINDOW (self), self->context, file)));
    }

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

/* A notified body's review: the dossier opens read-only in a window of its
 * own, and the review is kept in this project, apart from its products. */
static void
review_dossier_action_cb (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  CfWindow *self = CF_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Review a Dossier"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Review"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (filter, _("Dossiers (ZIP)"));
  gtk_file_filter_add_mime_type (filter, "application/zip");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_signal_connect (chooser, "response", G_CALLBACK (review_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
new_product_action_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  CfWindow *self = CF_WINDOW (widget);
  g_autoptr(CfProduct) product = cf_product_new ();
  CfRecordEditor *editor;

  editor = cf_record_editor_new (GTK_WINDOW (self), _("New Product"), CF_RECORD (product),
                                 save_new_product_cb, g_object_ref (self), g_object_unref);
  gtk_window_present (GTK_WINDOW (editor));
}

static gboolean
apply_manufacturer_cb (CfRecord  *record,
                       gpointer   editor,
                       GError   **error)
{
  /* Whoever edits the manufacturer makes it theirs: no longer example data. */
  cf_record_set_is_example (record, FALSE);
  return cf_record_editor_apply_changes (record, editor, error);
}

/* Only what the form changed, on the manufacturer as stored now: a field
 * another program changed meanwhile keeps its value. */
static gboolean
save_manufacturer_cb (CfRecordEditor  *editor,
                      CfRecord        *record,
                      gpointer         user_data,
                      GError         **error)
{
  CfWindow *self = user_data;

  return cf_store_edit_manufacturer (cf_context_get_store (self->context), apply_manufacturer_cb,
                                     editor, error);
}

static void
edit_manufacturer_action_cb (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  CfWindow *self = CF_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(CfManufacturer) manufacturer = NULL;
  CfRecordEditor *editor;

  manufacturer = cf_store_get_manufacturer (cf_context_get_store (self->context), &error);
  if (error != NULL)
    {
      show_error (self, error->message);
      return;
    }
  if (manufacturer == NULL)
    manufacturer = cf_manufacturer_new ();

  editor = cf_record_editor_new (GTK_WINDOW (self), _("Manufacturer"), CF_RECORD (manufacturer),
                                 save_manufacturer_cb, g_object_ref (self), g_object_unref);
  gtk_window_present (GTK_WINDOW (editor));
}

/* The form's copy carries the product's id, so saving reaches the product
 * it was opened for even if another one was selected meanwhile; only what
 * the form changed is stored. */
static gboolean
save_user_information_cb (CfRecordEditor  *editor,
                          CfRecord        *record,
                          gpointer         user_data,
                          GError         **error)
{
  CfWindow *self = user_data;
  CfStore *store = cf_context_get_store (self->context);

  return cf_store_edit_user_information (store, cf_record_get_id (record),
                                         cf_record_editor_apply_changes, editor, error);
}

static void
edit_user_information_action_cb (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter)
{
  CfWindow *self = CF_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(CfUserInformation) info = NULL;
  CfRecordEditor *editor;

  if (self->selected_id == 0)
    return;

  info = cf_store_get_user_information (cf_context_get_store (self->context), self->selected_id,
                                        &error);
  if (info == NULL)
    {
      show_error (self, error->message);
      return;
    }

  editor = cf_record_editor_new (GTK_WINDOW (self), _("Information for Users"), CF_RECORD (info),
                                 save_user_information_cb, g_object_ref (self), g_object_unref);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
add_example_action_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  CfWindow *self = CF_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  gint64 id;

  id = cf_store_add_example (cf_context_get_store (self->context), &error);
  if (id == 0)
    {
      show_error (self, error->message);
      return;
    }

  select_product (self, id);
  adw_leaflet_set_visible_child (self->leaflet, self->content);
}

/* The deadlines of every product take the place of the product, which is
 * unselected, so that choosing any product, even the last one, leaves them. */
static void
show_deadlines_action_cb (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  CfWindow *self = CF_WINDOW (widget);

  self->showing_deadlines = TRUE;
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  gtk_list_box_select_row (self->deadlines_sidebar,
                           gtk_list_box_get_row_at_index (self->deadlines_sidebar, 0));
  show_selected (self);
  adw_leaflet_set_visible_child (self->leaflet, self->content);
}

/* Views of the product, and the places the readiness gate points to */

static gboolean
show_view (CfWindow   *self,
           const char *name)
{
  if (self->selected_id == 0 || adw_view_stack_get_child_by_name (self->view_stack, name) == NULL)
    return FALSE;

  adw_view_stack_set_visible_child_name (self->view_stack, name);
  adw_leaflet_set_visible_child (self->leaflet, self->content);
  return TRUE;
}

static void
show_view_action_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  show_view (CF_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

/* A row of the dashboard: the case, in its product's vulnerabilities. */
static void
deadline_show_case_cb (CfWindow        *self,
                       gint64           product_id,
                       gint64           case_id,
                       CfDeadlinesView *view)
{
  select_product (self, product_id);
  if (self->selected_id == product_id && show_view (self, "vulnerabilities"))
    cf_cases_view_show_case (self->cases_view, case_id);
}

static void
show_requirement_action_cb (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  CfWindow *self = CF_WINDOW (widget);

  if (show_view (self, "requirements"))
    cf_requirements_view_select (self->requirements_view, g_variant_get_string (parameter, NULL));
}

static void
show_threat_action_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  CfWindow *self = CF_WINDOW (widget);

  if (show_view (self, "risks"))
    cf_risk_view_select_threat (self->risk_view, g_variant_get_int32 (parameter));
}

static void
show_evidence_action_cb (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  CfWindow *self = CF_WINDOW (widget);

  if (show_view (self, "evidence"))
    cf_evidence_view_select (self->evidence_view, g_variant_get_int64 (parameter));
}

static void
add_threat_action_cb (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  CfWindow *self = CF_WINDOW (widget);

  if (show_view (self, "risks"))
    cf_risk_view_add_threat (self->risk_view);
}

static void
edit_context_action_cb (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  CfWindow *self = CF_WINDOW (widget);

  if (show_view (self, "risks"))
    cf_risk_view_focus_context (self->risk_view);
}

static void
show_sidebar_action_cb (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  CfWindow *self = CF_WINDOW (widget);

  adw_leaflet_set_visible_child (self->leaflet, self->sidebar);
}

/* Window-wide shortcuts for the page's actions: "win.generate" runs
 * "product.generate" on the selected product, and so on. */
static void
forward_to_page_action_cb (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  CfWindow *self = CF_WINDOW (widget);
  g_autofree char *page_action = g_strconcat ("product.", action_name + strlen ("win."), NULL);

  if (self->selected_id != 0)
    gtk_widget_activate_action (GTK_WIDGET (self->product_page), page_action, NULL);
}

/* A form with unsaved changes would die with its parent window: let it ask
 * first, and keep the window open. */
static gboolean
close_idle_cb (gpointer user_data)
{
  gtk_window_close (GTK_WINDOW (user_data));
  return G_SOURCE_REMOVE;
}

static void
stop_copies_response_cb (AdwMessageDialog *dialog,
                         const char       *response,
                         gpointer          user_data)
{
  CfWindow *self = user_data;

  /* libadwaita 1.2 may emit "response" twice: act on the first. */
  g_signal_handlers_disconnect_by_func (dialog, stop_copies_response_cb, user_data);

  if (g_strcmp0 (response, "stop") == 0)
    {
      self->closing_with_copies = TRUE;
      /* Once the dialog is done with its parent. */
      g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, close_idle_cb, g_object_ref (self), g_object_unref);
    }
}

/* Closing would cancel the copies under way: ask first. */
static gboolean
ask_to_stop_copies (CfWindow *self)
{
  guint n = cf_evidence_list_count_all_copies ();
  AdwMessageDialog *dialog;
  g_autofree char *body = NULL;

  if (n == 0 || self->closing_with_copies)
    return FALSE;

  body = g_strdup_printf (ngettext ("%u file is still being copied into the project. Closing stops the copy, "
                                    "and the file is not stored.",
                                    "%u files are still being copied into the project. Closing stops the "
                                    "copies, and the files are not stored.", n), n);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Stop Copying Evidence?"), body));
  adw_message_dialog_add_responses (dialog, "keep", _("_Keep Copying"), "stop", _("_Stop and Close"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "stop", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "keep");
  adw_message_dialog_set_close_response (dialog, "keep");
  g_signal_connect_object (dialog, "response", G_CALLBACK (stop_copies_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));

  return TRUE;
}

static gboolean
cf_window_close_request (GtkWindow *window)
{
  CfWindow *self = CF_WINDOW (window);
  GListModel *toplevels = gtk_window_get_toplevels ();

  if (ask_to_stop_copies (self))
    return TRUE;

  /* What was typed a moment ago is saved; if it cannot be, the editor says
   * why and the window stays. */
  if (!cf_requirements_view_flush (self->requirements_view))
    {
      show_view (self, "requirements");
      return TRUE;
    }
  if (!cf_risk_view_flush (self->risk_view))
    {
      show_view (self, "risks");
      return TRUE;
    }

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) other = g_list_model_get_item (toplevels, i);

      if (CF_IS_RECORD_EDITOR (other) &&
          gtk_window_get_transient_for (other) == window &&
          cf_record_editor_get_dirty (CF_RECORD_EDITOR (other)))
        {
          gtk_window_present (other);
          gtk_window_close (other);
          return TRUE;
        }
    }

  return GTK_WINDOW_CLASS (cf_window_parent_class)->close_request (window);
}

/* GObject */

/* The store refuses larger files; the limit is the user's to raise. */
static void
size_limit_changed_cb (CfWindow *self)
{
  cf_store_set_evidence_size_limit (cf_context_get_store (self->context),
                                    g_settings_get_uint64 (self->settings, "evidence-size-limit"));
  cf_sbom_view_set_size_limit (self->sbom_view, g_settings_get_uint64 (self->settings, "sbom-size-limit"));
}

static void
bind_settings (CfWindow *self)
{
  g_autoptr(GSettingsSchema) schema = NULL;
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();

  /* Run uninstalled without the compiled schema, the window still works; it
   * just forgets its size. */
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL)
    {
      g_debug ("Schema %s not found; the window size is not remembered", APP_ID);
      return;
    }

  self->settings = g_settings_new (APP_ID);
  g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);

  /* Each document's language can still be chosen on the product's page. */
  g_settings_bind (self->settings, "document-language", self->product_page, "document-language",
                   G_SETTINGS_BIND_GET);

  g_signal_connect_object (self->settings, "changed::evidence-size-limit",
                           G_CALLBACK (size_limit_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::sbom-size-limit",
                           G_CALLBACK (size_limit_changed_cb), self, G_CONNECT_SWAPPED);
  size_limit_changed_cb (self);
}

static void
cf_window_constructed (GObject *object)
{
  CfWindow *self = CF_WINDOW (object);
  CfStore *store = cf_context_get_store (self->context);
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autofree char *basename = g_path_get_basename (cf_store_get_path (store));

  G_OBJECT_CLASS (cf_window_parent_class)->constructed (object);

  adw_window_title_set_subtitle (self->sidebar_title, basename);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->sidebar_title), cf_store_get_path (store));

  self->products = cf_product_list_new (store);
  self->filter = gtk_custom_filter_new (product_matches, self, NULL);
  self->shown = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->products)),
                                           g_object_ref (GTK_FILTER (self->filter)));
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->shown)));
  gtk_single_selection_set_autoselect (self->selection, TRUE);
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->shown, "items-changed",
                           G_CALLBACK (products_changed_cb), self, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_connect_object (self->search_entry, "search-changed",
                           G_CALLBACK (search_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "activate",
                           G_CALLBACK (search_activate_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_bar, "notify::search-mode-enabled",
                           G_CALLBACK (search_mode_cb), self, G_CONNECT_SWAPPED);
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), NULL);
  gtk_list_view_set_factory (self->product_list_view, factory);
  gtk_list_view_set_model (self->product_list_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_object (self->product_list_view, "activate",
                           G_CALLBACK (row_activated_cb), self, G_CONNECT_SWAPPED);

  self->product_page = CF_PRODUCT_PAGE (cf_product_page_new (self->context));
  adw_view_stack_add_titled_with_icon (self->view_stack, GTK_WIDGET (self->product_page), "product",
                                       _("Product"), "document-properties-symbolic");
  self->requirements_view = CF_REQUIREMENTS_VIEW (cf_requirements_view_new (self->context));
  adw_view_stack_add_titled_with_icon (self->view_stack, GTK_WIDGET (self->requirements_view), "requirements",
                                       _("Requirements"), "checkbox-checked-symbolic");
  self->risk_view = CF_RISK_VIEW (cf_risk_view_new (self->context));
  adw_view_stack_add_titled_with_icon (self->view_stack, GTK_WIDGET (self->risk_view), "risks",
                                       _("Risks"), "security-medium-symbolic");
  self->overview_view = CF_OVERVIEW_VIEW (cf_overview_view_new (self->context));
  adw_view_stack_add_titled_with_icon (self->view_stack, GTK_WIDGET (self->overview_view), "overview",
                                       _("Overview"), "view-grid-symbolic");
  self->evidence_view = CF_EVIDENCE_VIEW (cf_evidence_view_new (self->context));
  adw_view_stack_add_titled_with_icon (self->view_stack, GTK_WIDGET (self->evidence_view), "evidence",
                                       _("Evidence"), "mail-attachment-symbolic");
  self->sbom_view = CF_SBOM_VIEW (cf_sbom_view_new (self->context));
  adw_view_stack_add_titled_with_icon (self->view_stack, GTK_WIDGET (self->sbom_view), "sbom",
                                       _("SBOM"), "package-x-generic-symbolic");
  self->cases_view = CF_CASES_VIEW (cf_cases_view_new (self->context));
  adw_view_stack_add_titled_with_icon (self->view_stack, GTK_WIDGET (self->cases_view), "vulnerabilities",
                                       _("Vulnerabilities"), "dialog-warning-symbolic");
  g_signal_connect_object (self->cases_view, "add-toast",
                           G_CALLBACK (add_toast_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->requirements_view, "add-toast",
                           G_CALLBACK (add_toast_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->evidence_view, "add-toast",
                           G_CALLBACK (add_toast_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sbom_view, "add-toast",
                           G_CALLBACK (add_toast_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->risk_view, "add-toast",
                           G_CALLBACK (add_toast_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->overview_view, "add-toast",
                           G_CALLBACK (add_toast_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->product_page, "add-toast",
                           G_CALLBACK (add_toast_cb), self, G_CONNECT_SWAPPED);

  g_signal_connect_object (store, "changed::manufacturer",
                           G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);

  self->deadlines_view = CF_DEADLINES_VIEW (cf_deadlines_view_new (self->context));
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->deadlines_view), "deadlines");
  g_signal_connect_object (self->deadlines_view, "show-case",
                           G_CALLBACK (deadline_show_case_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->deadlines_view, "notify::n-open",
                           G_CALLBACK (update_deadlines_status), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->deadlines_view, "notify::n-overdue",
                           G_CALLBACK (update_deadlines_status), self, G_CONNECT_SWAPPED);

  update_manufacturer (self);
  show_selected (self);
  bind_settings (self);

  /* The product shown when the window was last closed, if it still exists. */
  if (self->settings != NULL)
    select_product (self, g_settings_get_int64 (self->settings, "last-product-id"));
}

static void
cf_window_dispose (GObject *object)
{
  CfWindow *self = CF_WINDOW (object);

  /* Taking the sidebar apart changes its list and selection: nothing of it
   * must reach the views, or be remembered as the last product shown. */
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  if (self->shown != NULL)
    g_signal_handlers_disconnect_by_data (self->shown, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), CF_TYPE_WINDOW);
  g_clear_object (&self->selection);
  g_clear_object (&self->shown);
  /* The filter calls back into the window: stop it before the window goes. */
  if (self->filter != NULL)
    gtk_custom_filter_set_filter_func (self->filter, NULL, NULL, NULL);
  g_clear_object (&self->filter);
  g_clear_pointer (&self->search_key, g_free);
  g_clear_object (&self->products);
  g_clear_object (&self->settings);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (cf_window_parent_class)->dispose (object);
}

static void
cf_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  CfWindow *self = CF_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cf_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  CfWindow *self = CF_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cf_window_class_init (CfWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = cf_window_constructed;
  object_class->dispose = cf_window_dispose;
  object_class->get_property = cf_window_get_property;
  object_class->set_property = cf_window_set_property;
  GTK_WINDOW_CLASS (klass)->close_request = cf_window_close_request;

  properties [PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         CF_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "win.new-product", NULL, new_product_action_cb);
  gtk_widget_class_install_action (widget_class, "win.edit-manufacturer", NULL, edit_manufacturer_action_cb);
  gtk_widget_class_install_action (widget_class, "win.edit-user-information", NULL,
                                   edit_user_information_action_cb);
  gtk_widget_class_install_action (widget_class, "win.add-example", NULL, add_example_action_cb);
  gtk_widget_class_install_action (widget_class, "win.review-dossier", NULL, review_dossier_action_cb);
  gtk_widget_class_install_action (widget_class, "win.show-sidebar", NULL, show_sidebar_action_cb);
  gtk_widget_class_install_action (widget_class, "win.generate", NULL, forward_to_page_action_cb);
  gtk_widget_class_install_action (widget_class, "win.edit", NULL, forward_to_page_action_cb);
  gtk_widget_class_install_action (widget_class, "win.assess", NULL, forward_to_page_action_cb);
  gtk_widget_class_install_action (widget_class, "win.edit-declaration", NULL, forward_to_page_action_cb);
  gtk_widget_class_install_action (widget_class, "win.show-view", "s", show_view_action_cb);
  gtk_widget_class_install_action (widget_class, "win.show-requirement", "s", show_requirement_action_cb);
  gtk_widget_class_install_action (widget_class, "win.edit-context", NULL, edit_context_action_cb);
  gtk_widget_class_install_action (widget_class, "win.show-threat", "i", show_threat_action_cb);
  gtk_widget_class_install_action (widget_class, "win.add-threat", NULL, add_threat_action_cb);
  gtk_widget_class_install_action (widget_class, "win.show-evidence", "x", show_evidence_action_cb);
  gtk_widget_class_install_action (widget_class, "win.show-deadlines", NULL, show_deadlines_action_cb);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, find_action_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new-product", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK, "win.generate", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.find", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.edit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_k, GDK_CONTROL_MASK, "win.assess", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.edit-declaration", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_m, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.edit-manufacturer", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_ALT_MASK, "win.show-view", "s", "product");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_ALT_MASK, "win.show-view", "s", "requirements");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_ALT_MASK, "win.show-view", "s", "risks");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_4, GDK_ALT_MASK, "win.show-view", "s", "overview");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_5, GDK_ALT_MASK, "win.show-view", "s", "evidence");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_6, GDK_ALT_MASK, "win.show-view", "s", "sbom");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_7, GDK_ALT_MASK, "win.show-view", "s",
                                       "vulnerabilities");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_ALT_MASK,
                                       "win.show-deadlines", NULL);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/cf-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CfWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CfWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, CfWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, CfWindow, content);
  gtk_widget_class_bind_template_child (widget_class, CfWindow, sidebar_title);
  gtk_widget_class_bind_template_child (widget_class, CfWindow, view_title);
  gtk_widget_class_bind_template_child (widget_class, CfWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, CfWindow, product_list_view);
  gtk_widget_class_bind_template_child (widget_class, CfWindow, manufacturer_label);
  gtk_widget_class_bind_template_child (widget_class, CfWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, CfWindow, deadlines_sidebar);
  gtk_widget_class_bind_template_child (widget_class, CfWindow, deadlines_icon);
  gtk_widget_class_bind_template_child (widget_class, CfWindow, deadlines_count);
  gtk_widget_class_bind_template_child (widget_class, CfWindow, overdue_banner);
  gtk_widget_class_bind_template_child (widget_class, CfWindow, overdue_label);
  gtk_widget_class_bind_template_child (widget_class, CfWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, CfWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CfWindow, no_match_label);

  g_type_ensure (CF_TYPE_PRODUCT_PAGE);
}

static void
cf_window_init (CfWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

CfWindow *
cf_window_new (GtkApplication *application,
               CfContext      *context)
{
  return g_object_new (CF_TYPE_WINDOW,
                       "application", application,
                       "context", context,
                       NULL);
}

/**
 * cf_window_get_products:
 *
 * Returns: (transfer none): the products the sidebar shows
 */
GListModel *
cf_window_get_products (CfWindow *self)
{
  g_return_val_if_fail (CF_IS_WINDOW (self), NULL);
  return G_LIST_MODEL (self->shown);
}

/**
 * cf_window_get_product_page:
 *
 * Returns: (transfer none): the page showing the selected product
 */
CfProductPage *
cf_window_get_product_page (CfWindow *self)
{
  g_return_val_if_fail (CF_IS_WINDOW (self), NULL);
  return self->product_page;
}

gint64
cf_window_get_selected_product_id (CfWindow *self)
{
  g_return_val_if_fail (CF_IS_WINDOW (self), 0);
  return self->selected_id;
}

/**
 * cf_window_get_requirements_view:
 *
 * Returns: (transfer none): the view of the selected product's essential
 *   requirements
 */
CfRequirementsView *
cf_window_get_requirements_view (CfWindow *self)
{
  g_return_val_if_fail (CF_IS_WINDOW (self), NULL);
  return self->requirements_view;
}

/**
 * cf_window_get_evidence_view:
 *
 * Returns: (transfer none): the view of all the selected product's evidence
 */
CfEvidenceView *
cf_window_get_evidence_view (CfWindow *self)
{
  g_return_val_if_fail (CF_IS_WINDOW (self), NULL);
  return self->evidence_view;
}

/**
 * cf_window_get_sbom_view:
 *
 * Returns: (transfer none): the view of the selected product's software
 *   bills of materials
 */
CfSbomView *
cf_window_get_sbom_view (CfWindow *self)
{
  g_return_val_if_fail (CF_IS_WINDOW (self), NULL);
  return self->sbom_view;
}
