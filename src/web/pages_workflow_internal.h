// What the workflow panel's files share (pages_workflow*.cc): select choices from
// the workflow's vocabulary with their catalog labels, the values a form shows,
// and the family a post or the panel is about.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "access/workflow_access.h"
#include "web/pages.h"

namespace reunite::web::wf {

// A vocabulary word in the reader's language: the catalog's "workflow.<group>.<value>",
// else the word itself.
std::string Word(const Messages& t, const std::string& group, const std::string& value);

// A stored time as people read it: "2026-11-26 01:23" (dates stay as they are).
std::string When(const std::string& iso);

// The choices of a <select>: `values` labelled as Word(t, group, value), `chosen`
// selected; with a first empty choice labelled by the catalog's `blank_key` when given.
TemplateData Choices(const Messages& t, const std::vector<std::string>& values, const std::string& group,
                     const std::string& chosen, const std::string& blank_key = "");

// One form's template data: {id, error, f: {<field>: {value, bad, on}}}. A form
// the refusal names shows what was posted (and the error, the field at fault
// marked bad); any other form shows its defaults.
class FormFill {
 public:
  FormFill(const httplib::Request& req, const WorkflowRefusal* refusal, std::string id);
  // Adds a field with the value it shows when this form was not refused.
  FormFill& Field(const std::string& name, const std::string& default_value = "");
  std::string Value(const std::string& name) const;
  TemplateData Data() const;

 private:
  const httplib::Request& req_;
  bool refused_;
  std::string id_, error_, bad_field_;
  std::map<std::string, std::string> values_;
};

// The adults linked to the child that the reader may see: the family's parents.
struct Parent {
  PersonId id = 0;
  std::string name;
  std::string relationship;  // as stored ("father", ...)
};
std::vector<Parent> ParentsOf(const FamilyView& family);

bool IsParent(const std::vector<Parent>& parents, PersonId id);

// Renders one of the panel's templates with the catalog and the CSRF token.
std::string RenderPart(const std::string& name, TemplateData data, const TemplateData& catalog,
                       const std::string& csrf);

// The parts of the panel, each with its forms when the reader's role may use them. A
// closed family (`closed`) refuses decisions and logistics until reopened, so those
// parts then offer no form.
TemplateData ParentData(const httplib::Request& req, WorkflowAccess& wa, const Parent& parent, const Messages& t,
                        const WorkflowRefusal* refusal);
TemplateData DecisionData(const httplib::Request& req, WorkflowAccess& wa, PersonId child,
                          const std::vector<Parent>& parents, const Messages& t, const WorkflowRefusal* refusal,
                          bool closed);
TemplateData LogisticsData(const httplib::Request& req, WorkflowAccess& wa, PersonId child, const Messages& t,
                           const WorkflowRefusal* refusal, bool closed);
// `closure` as WorkflowAccess::Closure read it.
TemplateData ClosureData(const httplib::Request& req, const WorkflowAccess& wa, const Result<workflow::Closure>& closure,
                         const Messages& t, const WorkflowRefusal* refusal);
TemplateData DeadlineData(const httplib::Request& req, WorkflowAccess& wa, PersonId child,
                          const std::vector<Parent>& parents, const Messages& t, const WorkflowRefusal* refusal);

// A list's rows or, when the read failed, nothing (the panel says what it could not
// read). Refers into `r`: never pass a temporary.
template <typename T>
const std::vector<T>& RowsOr(const Result<std::vector<T>>& r) {
  static const std::vector<T> none;
  return r.ok() ? *r : none;
}
template <typename T>
const std::vector<T>& RowsOr(const Result<std::vector<T>>&& r) = delete;

}  // namespace reunite::web::wf
