// Shared by settings.cc (reading the JSON) and settings_model.cc (the model's labels).
#pragma once
#include <string>

namespace reunite::match::internal {

// A number as a settings file or a level label writes it: 0.92, 1e+06.
std::string FormatNumber(double v);

}  // namespace reunite::match::internal
