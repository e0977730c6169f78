// The workflow panel's shared pieces: vocabulary words in the reader's language,
// select choices, the values a form shows, and the family's parents.
#include "web/pages_workflow_internal.h"

namespace reunite::web::wf {

std::string Word(const Messages& t, const std::string& group, const std::string& value) {
  return Label(t, "workflow." + group + "." + value, value);
}

std::string When(const std::string& iso) {
  std::string out = iso.substr(0, 16);
  if (out.size() > 10 && out[10] == 'T') out[10] = ' ';
  return out;
}

TemplateData Choices(const Messages& t, const std::vector<std::string>& values, const std::string& group,
                     const std::string& chosen, const std::string& blank_key) {
  std::vector<std::pair<std::string, std::string>> choices;
  if (!blank_key.empty()) choices.emplace_back("", Label(t, blank_key, ""));
  for (const auto& v : values) choices.emplace_back(v, Word(t, group, v));
  return SelectOptions(choices, chosen);
}

FormFill::FormFill(const httplib::Request& req, const WorkflowRefusal* refusal, std::string id)
    : req_(req), refused_(refusal && refusal->form == id), id_(std::move(id)) {
  if (refused_) {
    error_ = refusal->message;
    bad_field_ = refusal->field;
  }
}

FormFill& FormFill::Field(const std::string& name, const std::string& default_value) {
  values_[name] = refused_ ? Param(req_, name) : default_value;
  return *this;
}

std::string FormFill::Value(const std::string& name) const {
  auto it = values_.find(name);
  return it == values_.end() ? "" : it->second;
}

TemplateData FormFill::Data() const {
  TemplateData form;
  form.set("id", id_);
  if (!error_.empty()) form.set("error", error_);
  TemplateData fields;
  for (const auto& [name, value] : values_) {
    TemplateData f;
    f.set("value", value);
    f.set("on", !value.empty());
    f.set("bad", refused_ && name == bad_field_);
    fields.set(name, f);
  }
  form.set("f", fields);
  return form;
}

std::vector<Parent> ParentsOf(const FamilyView& family) {
  std::vector<Parent> parents;
  for (const auto& m : family.adults) {
    if (m.link.verification == Verification::kRejected) continue;
    const Person& p = m.adult.person;
    parents.push_back({p.id, p.name.Display().empty() ? p.name.as_recorded : p.name.Display(),
                       ToString(m.link.relationship)});
  }
  return parents;
}

bool IsParent(const std::vector<Parent>& parents, PersonId id) {
  for (const Parent& p : parents)
    if (p.id == id) return true;
  return false;
}

std::string RenderPart(const std::string& name, TemplateData data, const TemplateData& catalog,
                       const std::string& csrf) {
  data.set("t", catalog);
  data.set("csrf", csrf);
  auto html = RenderTemplate(name, data);
  // A broken template is a build bug that the page tests catch; the family page
  // still shows the rest.
  return html.ok() ? *html : "";
}

}  // namespace reunite::web::wf
