#include "ingest/columns.h"

#include <array>

#include "ingest/csv_reader.h"
#include "ingest/field_guard.h"
#include "ingest/fold.h"

namespace reunite {

namespace {

struct ColumnInfo {
  Column column;
  std::string_view name;
  std::vector<std::string_view> aliases;  // already folded
};

const std::vector<ColumnInfo>& Columns() {
  static const std::vector<ColumnInfo> kColumns = {
      {Column::kRecordId, "record_id",
       {"id", "record", "record_number", "case_id", "case_number", "id_registro", "registro",
        "numero_de_caso", "numero_caso", "no_caso", "caso", "expediente"}},
      {Column::kGivenNames, "given_names",
       {"given_name", "first_name", "first_names", "nombres", "nombre", "primer_nombre"}},
      {Column::kSurnames, "surnames",
       {"surname", "last_name", "last_names", "family_name", "apellidos", "apellido"}},
      {Column::kFullName, "full_name",
       {"name", "nombre_completo", "nombre_y_apellidos", "nombres_y_apellidos"}},
      {Column::kSex, "sex", {"gender", "sexo", "genero"}},
      {Column::kDateOfBirth, "date_of_birth",
       {"dob", "birth_date", "birthdate", "fecha_nacimiento", "fecha_de_nacimiento", "nacimiento",
        "f_nacimiento", "fnac"}},
      {Column::kCountry, "country",
       {"nationality", "country_of_citizenship", "citizenship", "country_of_origin", "pais",
        "pais_de_origen", "nacionalidad"}},
      {Column::kANumber, "a_number",
       {"anumber", "a", "a_no", "alien_number", "alien_registration_number", "numero_a", "a_numero",
        "numero_de_extranjero"}},
      {Column::kPhones, "phones",
       {"phone", "phone_number", "phone_numbers", "telephone", "telefono", "telefonos",
        "numero_de_telefono", "celular"}},
      {Column::kLanguage, "language",
       {"languages", "primary_language", "idioma", "idiomas", "lengua", "idioma_materno"}},
      {Column::kApprehensionDate, "apprehension_date",
       {"date_of_apprehension", "apprehended", "fecha_aprehension", "fecha_de_aprehension",
        "fecha_detencion", "fecha_de_detencion"}},
      {Column::kApprehensionPlace, "apprehension_place",
       {"place_of_apprehension", "apprehension_location", "lugar_aprehension",
        "lugar_de_aprehension", "lugar_detencion", "lugar_de_detencion"}},
      {Column::kLocation, "location",
       {"current_location", "last_known_location", "address", "facility", "ubicacion",
        "ubicacion_actual", "direccion", "domicilio", "lugar"}},
      {Column::kStatus, "status",
       {"custody_status", "estado", "estatus", "situacion"}},
      {Column::kRemovalDate, "removal_date",
       {"date_of_removal", "deportation_date", "fecha_deportacion", "fecha_de_deportacion",
        "fecha_remocion", "fecha_de_remocion"}},
      {Column::kReportedRelatives, "reported_relatives",
       {"relatives", "reported_relative", "relatives_named", "familiares", "familiares_reportados",
        "parientes", "parientes_reportados"}},
  };
  return kColumns;
}

std::string Trim(std::string_view s) {
  size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) return "";
  size_t e = s.find_last_not_of(" \t\r\n");
  return std::string(s.substr(b, e - b + 1));
}

std::optional<Column> ColumnByCanonicalName(std::string_view folded) {
  for (const auto& info : Columns())
    if (info.name == folded) return info.column;
  return std::nullopt;
}

}  // namespace

std::string_view ColumnName(Column c) {
  for (const auto& info : Columns())
    if (info.column == c) return info.name;
  return "";
}

const std::vector<Column>& AllColumns() {
  static const std::vector<Column> kAll = [] {
    std::vector<Column> all;
    for (const auto& info : Columns()) all.push_back(info.column);
    return all;
  }();
  return kAll;
}

std::string FoldHeader(std::string_view header) {
  std::string folded = FoldForSearch(header);
  std::string out;
  for (char c : folded) {
    bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '#';
    if (c == '#') c = 'a';  // "A#" is how forms write the A-number
    if (alnum) {
      out.push_back(c);
    } else if (!out.empty() && out.back() != '_') {
      out.push_back('_');
    }
  }
  while (!out.empty() && out.back() == '_') out.pop_back();
  // "aa" comes from "A#"; it names the A-number.
  if (out == "aa") out = "a_number";
  return out;
}

std::optional<Column> ResolveHeader(std::string_view header, const ColumnMapping& mapping) {
  std::string folded = FoldHeader(header);
  if (auto it = mapping.headers.find(folded); it != mapping.headers.end()) return it->second;
  if (auto c = ColumnByCanonicalName(folded)) return c;
  for (const auto& info : Columns())
    for (auto alias : info.aliases)
      if (alias == folded) return info.column;
  return std::nullopt;
}

Result<ColumnMapping> ParseColumnMapping(std::string_view text, const std::string& file_name) {
  ColumnMapping mapping;
  std::string section;
  long line_no = 0;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t nl = text.find('\n', pos);
    const std::string_view raw = text.substr(pos, nl == std::string_view::npos ? text.npos : nl - pos);
    std::string line = Trim(raw);
    pos = nl == std::string_view::npos ? text.size() + 1 : nl + 1;
    ++line_no;
    if (size_t nul = raw.find('\0'); nul != std::string_view::npos) {
      const int column = static_cast<int>(CountChars(raw.substr(0, nul))) + 1;
      return Status::InvalidArgument(kNulByteMessage).At({file_name, line_no, column, ""});
    }
    auto fail = [&](const std::string& why) {
      return Status::InvalidArgument(why).At({file_name, line_no, 1, ""});
    };
    if (line.empty() || line[0] == '#') continue;
    if (line.front() == '[' && line.back() == ']') {
      section = Trim(std::string_view(line).substr(1, line.size() - 2));
      if (section != "options" && section != "columns")
        return fail("unknown section [" + section + "] (expected [options] or [columns])");
      continue;
    }
    size_t eq = line.rfind('=');
    if (eq == std::string::npos) return fail("expected 'name = value'");
    std::string key = Trim(std::string_view(line).substr(0, eq));
    std::string value = Trim(std::string_view(line).substr(eq + 1));
    if (key.size() >= 2 && key.front() == '"' && key.back() == '"') key = key.substr(1, key.size() - 2);
    if (section == "options") {
      if (key == "date_order") {
        auto order = DateOrderFromString(value);
        if (!order.ok()) return fail(order.status().message());
        mapping.date_order = *order;
      } else if (key == "encoding") {
        auto enc = EncodingFromString(value);
        if (!enc.ok()) return fail(enc.status().message());
        mapping.encoding = *enc;
      } else {
        return fail("unknown option '" + key + "' (expected date_order or encoding)");
      }
    } else if (section == "columns") {
      auto column = ColumnByCanonicalName(FoldHeader(value));
      if (!column) return fail("'" + value + "' is not a canonical column");
      mapping.headers[FoldHeader(key)] = *column;
    } else {
      return fail("a mapping line must be under [options] or [columns]");
    }
  }
  return mapping;
}

}  // namespace reunite
