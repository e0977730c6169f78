// End-to-end guard on the FEBRL benchmark files (../shared/data/febrl beside the clone):
// the shipped example settings must keep their accuracy. A correctness guard only;
// timing is reported by `make bench`, never asserted. Skipped when the files are absent.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "match/linker.h"

namespace reunite::match {
namespace {

std::string Slurp(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// "rec-123-dup-0" -> "123": the labels, used for scoring only.
std::string Entity(const std::string& id) {
  auto a = id.find('-'), b = id.find('-', a + 1);
  return id.substr(a + 1, b - a - 1);
}

TEST(FebrlTest, Febrl4LinkReachesF1) {
  std::filesystem::path dir = std::filesystem::path(REUNITE_SOURCE_DIR) / ".." / "shared" / "data" / "febrl";
  if (!std::filesystem::exists(dir / "dataset4a.csv")) GTEST_SKIP() << "no FEBRL files at " << dir;
  auto settings = ParseSettings(Slurp(std::filesystem::path(REUNITE_SOURCE_DIR) / "examples/febrl/febrl4.json"), "febrl4.json");
  ASSERT_TRUE(settings.ok()) << settings.status().ToString();
  auto left = ReadDataset(Slurp(dir / "dataset4a.csv"), "dataset4a.csv", *settings, true);
  auto right = ReadDataset(Slurp(dir / "dataset4b.csv"), "dataset4b.csv", *settings, false);
  ASSERT_TRUE(left.ok()) << left.status().ToString();
  ASSERT_TRUE(right.ok()) << right.status().ToString();
  auto run = Linkage::Run(*settings, *left, &*right, {});
  ASSERT_TRUE(run.ok()) << run.status().ToString();
  long predicted = 0, correct = 0;
  for (const auto& p : (*run)->Links(false)) {
    ++predicted;
    correct += Entity(left->ids[p.left]) == Entity(right->ids[p.right]);
  }
  std::map<std::string, long> right_by_entity;
  for (const auto& id : right->ids) ++right_by_entity[Entity(id)];
  long truth = 0;
  for (const auto& id : left->ids) truth += right_by_entity[Entity(id)];
  double precision = static_cast<double>(correct) / predicted, recall = static_cast<double>(correct) / truth;
  double f1 = 2 * precision * recall / (precision + recall);
  EXPECT_GE(f1, 0.99) << "precision " << precision << " recall " << recall;
}

}  // namespace
}  // namespace reunite::match
