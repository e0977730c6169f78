#include "workflow/report_format.h"

#include <nlohmann/json.hpp>

#include <map>
#include <mutex>
#include <optional>
#include <sstream>

#include "common/csv_writer.h"
#include "common/embedded_data.h"

namespace reunite::report {

namespace {

// Cells keep the text as it is: the CSV writer guards formulas (common/csv_writer.h)
// and the workbook stores text as string cells, which a spreadsheet never runs.
ReportCell Text(const std::string& text) { return {text, 0, false}; }
ReportCell Number(long n) { return {std::to_string(n), n, true}; }

const std::string& Word(const std::string& lang, const std::string& key);

// A count as the report may show it: the number, or "fewer than N" in words.
std::string CountText(const StatusReport& r, long count, const std::string& lang) {
  if (!r.Suppressed(count)) return std::to_string(count);
  return Word(lang, "fewer_than") + " " + std::to_string(r.fewer_than);
}

ReportCell CountCell(const StatusReport& r, long count, const std::string& lang) {
  return r.Suppressed(count) ? Text(CountText(r, count, lang)) : Number(count);
}

ReportRow Row(const StatusReport& r, const NodeCount& n, const std::string& dimension, const std::string& key,
              long count, const std::string& lang) {
  return {Text(r.as_of),    Text(n.id),        Text(n.parent),   Number(n.depth), Text(ToString(n.unit)),
          Text(n.label_en), Text(n.label_es), Text(dimension), Text(key),       CountCell(r, count, lang)};
}

// The report's own words in each language, from the embedded catalog
// data/report/words.json ({"key": {"en": ..., "es": ...}}); a key or language the
// catalog lacks reads as the key itself, which report_format_test rules out.
const std::string& Word(const std::string& lang, const std::string& key) {
  static const nlohmann::json words = [] {
    std::optional<std::string_view> text = EmbeddedFile("report/words.json");
    return text ? nlohmann::json::parse(*text, nullptr, /*allow_exceptions=*/false) : nlohmann::json();
  }();
  static std::map<std::pair<std::string, std::string>, std::string> cache;
  static std::mutex mu;
  std::lock_guard lock(mu);
  auto [it, fresh] = cache.try_emplace({lang, key}, key);
  if (fresh && words.is_object() && words.contains(key) && words[key].contains(lang) && words[key][lang].is_string())
    it->second = words[key][lang].get<std::string>();
  return it->second;
}

const std::string& Label(const NodeCount& n, const std::string& lang) { return lang == "es" ? n.label_es : n.label_en; }

long CountOf(const std::vector<std::pair<std::string, long>>& keys, const std::string& key) {
  for (const auto& [k, n] : keys)
    if (k == key) return n;
  return 0;
}

std::string MdEscape(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '|' || c == '\\' || c == '*' || c == '_' || c == '`' || c == '<' || c == '>') out += '\\';
    out += c == '\n' ? ' ' : c;
  }
  return out;
}

std::string HtmlEscape(const std::string& text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

// Four no-break spaces a level, so nesting shows in any Markdown viewer.
std::string Indent(int depth) {
  std::string out;
  for (int i = 0; i < depth * 4; ++i) out += "\u00a0";
  return out;
}

}  // namespace

Result<ReportFormat> ParseReportFormat(const std::string& name) {
  if (name == "md") return ReportFormat::kMarkdown;
  if (name == "csv") return ReportFormat::kCsv;
  if (name == "json") return ReportFormat::kJson;
  if (name == "html") return ReportFormat::kHtml;
  if (name == "xlsx") return ReportFormat::kXlsx;
  return Status::InvalidArgument("--format: '" + name + "' is not one of md, csv, json, html, xlsx");
}

Status CheckReportLanguage(const std::string& lang) {
  if (lang == "en" || lang == "es") return Status::Ok();
  return Status::InvalidArgument("--lang: '" + lang + "' is not one of en, es");
}

ReportRow ReportHeader() {
  ReportRow row;
  for (const char* name : {"as_of", "node", "parent", "depth", "unit", "label_en", "label_es", "dimension", "key",
                           "count"})
    row.push_back(Text(name));
  return row;
}

std::vector<ReportRow> TotalRows(const StatusReport& report, const std::string& lang) {
  std::vector<ReportRow> rows;
  for (const auto& n : report.nodes) rows.push_back(Row(report, n, "total", "", n.count, lang));
  return rows;
}

std::vector<ReportRow> BreakdownRows(const StatusReport& report, const std::string& lang) {
  std::vector<ReportRow> rows;
  for (const auto& n : report.nodes) {
    for (const auto& [key, count] : n.by_country) rows.push_back(Row(report, n, "country", key, count, lang));
    for (const auto& [key, count] : n.by_department) rows.push_back(Row(report, n, "department", key, count, lang));
  }
  return rows;
}

std::string RenderCsv(const StatusReport& report, const std::string& lang) {
  std::ostringstream out;
  auto write = [&](const ReportRow& row) {
    std::vector<std::string> fields;
    for (const auto& cell : row) fields.push_back(cell.text);
    WriteCsvRecord(out, fields);
  };
  write(ReportHeader());
  for (const auto& row : TotalRows(report, lang)) write(row);
  for (const auto& row : BreakdownRows(report, lang)) write(row);
  return out.str();
}

std::string RenderJson(const StatusReport& report) {
  nlohmann::ordered_json doc;
  doc["as_of"] = report.as_of;
  doc["tree"] = report.tree_source;
  doc["journal_entries"] = report.journal_entries;
  // A count too small to show reads {"fewer_than": N}.
  auto count_json = [&](long count) -> nlohmann::ordered_json {
    if (report.Suppressed(count)) return {{"fewer_than", report.fewer_than}};
    return count;
  };
  if (report.fewer_than > 0) doc["fewer_than"] = report.fewer_than;
  doc["nodes"] = nlohmann::ordered_json::array();
  for (const auto& n : report.nodes) {
    nlohmann::ordered_json node = {{"id", n.id},
                                   {"parent", n.parent},
                                   {"depth", n.depth},
                                   {"unit", ToString(n.unit)},
                                   {"label", {{"en", n.label_en}, {"es", n.label_es}}},
                                   {"count", count_json(n.count)}};
    node["by_country"] = nlohmann::ordered_json::object();
    for (const auto& [key, count] : n.by_country) node["by_country"][key] = count_json(count);
    node["by_department"] = nlohmann::ordered_json::object();
    for (const auto& [key, count] : n.by_department) node["by_department"][key] = count_json(count);
    doc["nodes"].push_back(std::move(node));
  }
  return doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

std::string RenderMarkdown(const StatusReport& r, const std::string& lang) {
  std::ostringstream out;
  out << "# " << Word(lang, "title") << "\n\n"
      << Word(lang, "as_of") << ": " << r.as_of << " (UTC). " << Word(lang, "tree") << ": " << MdEscape(r.tree_source)
      << ". " << Word(lang, "entries") << ": " << r.journal_entries << ".\n\n## " << Word(lang, "by_country")
      << "\n\n| " << Word(lang, "category") << " | " << Word(lang, "unit") << " | " << Word(lang, "total") << " |";
  for (const auto& c : r.countries) out << " " << MdEscape(c) << " |";
  out << "\n|---|---|---:|";
  for (size_t i = 0; i < r.countries.size(); ++i) out << "---:|";
  out << "\n";
  for (const auto& n : r.nodes) {
    out << "| " << Indent(n.depth) << MdEscape(Label(n, lang)) << " | " << Word(lang, ToString(n.unit)) << " | "
        << CountText(r, n.count, lang) << " |";
    for (const auto& c : r.countries) out << " " << CountText(r, CountOf(n.by_country, c), lang) << " |";
    out << "\n";
  }
  out << "\n## " << Word(lang, "by_department") << "\n\n";
  if (r.departments.empty()) return out.str() + Word(lang, "none") + "\n";
  out << "| " << Word(lang, "category") << " | " << Word(lang, "department") << " | " << Word(lang, "count")
      << " |\n|---|---|---:|\n";
  for (const auto& n : r.nodes)
    for (const auto& [key, count] : n.by_department)
      out << "| " << Indent(n.depth) << MdEscape(Label(n, lang)) << " | " << MdEscape(key) << " | "
          << CountText(r, count, lang) << " |\n";
  return out.str();
}

std::string RenderHtml(const StatusReport& r, const std::string& lang) {
  std::ostringstream out;
  out << "<!DOCTYPE html>\n<html lang=\"" << lang << "\">\n<head>\n<meta charset=\"utf-8\">\n<title>"
      << Word(lang, "title") << " " << HtmlEscape(r.as_of) << "</title>\n<style>\n"
      << "body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;margin-bottom:2em}"
      << "th,td{border:1px solid #999;padding:.2em .6em}td.n{text-align:right}\n</style>\n</head>\n<body>\n<h1>"
      << Word(lang, "title") << "</h1>\n<p>" << Word(lang, "as_of") << ": " << HtmlEscape(r.as_of) << " (UTC). "
      << Word(lang, "tree") << ": " << HtmlEscape(r.tree_source) << ". " << Word(lang, "entries") << ": "
      << r.journal_entries << ".</p>\n<h2>" << Word(lang, "by_country") << "</h2>\n<table>\n<tr><th>"
      << Word(lang, "category") << "</th><th>" << Word(lang, "unit") << "</th><th>" << Word(lang, "total") << "</th>";
  for (const auto& c : r.countries) out << "<th>" << HtmlEscape(c) << "</th>";
  out << "</tr>\n";
  for (const auto& n : r.nodes) {
    out << "<tr id=\"" << HtmlEscape(n.id) << "\"><td style=\"padding-left:" << 0.6 + 1.5 * n.depth << "em\">"
        << HtmlEscape(Label(n, lang)) << "</td><td>" << Word(lang, ToString(n.unit)) << "</td><td class=\"n\">"
        << CountText(r, n.count, lang) << "</td>";
    for (const auto& c : r.countries)
      out << "<td class=\"n\">" << CountText(r, CountOf(n.by_country, c), lang) << "</td>";
    out << "</tr>\n";
  }
  out << "</table>\n<h2>" << Word(lang, "by_department") << "</h2>\n";
  if (r.departments.empty()) return out.str() + "<p>" + Word(lang, "none") + "</p>\n</body>\n</html>\n";
  out << "<table>\n<tr><th>" << Word(lang, "category") << "</th><th>" << Word(lang, "department") << "</th><th>"
      << Word(lang, "count") << "</th></tr>\n";
  for (const auto& n : r.nodes)
    for (const auto& [key, count] : n.by_department)
      out << "<tr><td style=\"padding-left:" << 0.6 + 1.5 * n.depth << "em\">" << HtmlEscape(Label(n, lang))
          << "</td><td>" << HtmlEscape(key) << "</td><td class=\"n\">" << CountText(r, count, lang) << "</td></tr>\n";
  out << "</table>\n</body>\n</html>\n";
  return out.str();
}

Result<ReportFile> RenderReport(const StatusReport& r, ReportFormat format, const std::string& lang) {
  switch (format) {
    case ReportFormat::kCsv: return ReportFile{RenderCsv(r, lang), "text/csv; charset=utf-8", "csv"};
    case ReportFormat::kJson: return ReportFile{RenderJson(r), "application/json", "json"};
    case ReportFormat::kHtml: return ReportFile{RenderHtml(r, lang), "text/html; charset=utf-8", "html"};
    case ReportFormat::kMarkdown: return ReportFile{RenderMarkdown(r, lang), "text/markdown; charset=utf-8", "md"};
    case ReportFormat::kXlsx: {
      Result<std::string> bytes = XlsxBytes(r, lang);
      if (!bytes.ok()) return bytes.status();
      return ReportFile{std::move(*bytes), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"};
    }
  }
  return Status::InvalidArgument("unknown report format");
}

}  // namespace reunite::report
