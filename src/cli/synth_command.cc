#include <unistd.h>

#include <cstdio>
#include <iostream>

#include "cli/cli.h"
#include "synth/synth.h"

namespace reunite::cli {

void AddSynthCommand(CLI::App& app, int* exit_code) {
  auto opt = std::make_shared<SynthOptions>();
  auto out = std::make_shared<std::string>();
  auto* cmd = app.add_subcommand("synth", "Write synthetic agency lists with known truth, for demos, tests and benchmarks");
  cmd->add_option("--families", opt->families, "Number of families")->check(CLI::Range(1L, 5'000'000L))->capture_default_str();
  cmd->add_option("--seed", opt->seed, "Random seed: the same seed writes the same files")->capture_default_str();
  cmd->add_option("--noise", opt->noise, "Noise level: 0 clean, 1 realistic (default), 2 harsh")
      ->check(CLI::Range(0.0, 5.0))->capture_default_str();
  cmd->add_option("--out", *out, "Folder to write children.csv, adults.csv, truth_links.csv, truth_entities.csv")->required();
  cmd->footer("Example: reunite synth --families 2000 --seed 7 --out demo/");
  cmd->callback([opt, out, exit_code] {
    bool tty = isatty(STDERR_FILENO);
    auto summary = WriteSyntheticLists(*opt, *out, [tty](double f) {
      if (tty) std::fprintf(stderr, "\r%3d%%", static_cast<int>(f * 100));
    });
    if (tty) std::fprintf(stderr, "\r    \r");
    if (!summary.ok()) return void(*exit_code = Fail(summary.status()));
    std::cout << "wrote " << *out << ": " << summary->children << " children, " << summary->adults
              << " adults in " << summary->adult_records << " adult records, " << summary->links
              << " child-adult links\n";
  });
}

}  // namespace reunite::cli
