// The bounded fuzz run CI does without clang: the libFuzzer entry point over the fixtures and a few thousand
// deterministic mutations of them. A violated invariant aborts the test binary.
#include <catch2/catch.hpp>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace {

void run(const std::string& input) {
    (void)LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(input.data()), input.size());
}

std::vector<std::string> fixtures() {
    std::vector<std::string> out;
    const auto dir = std::filesystem::path(KK_TEST_SOURCE_DIR) / "tests" / "fixtures" / "csv";
    std::vector<std::filesystem::path> paths;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) paths.push_back(entry.path());
    std::sort(paths.begin(), paths.end());
    for (const auto& p : paths) {
        std::ifstream in(p, std::ios::binary);
        out.emplace_back(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    return out;
}

}  // namespace

TEST_CASE("the CSV fuzz entry point holds its invariants on the fixtures", "[db][csv][fuzz]") {
    const auto inputs = fixtures();
    REQUIRE(inputs.size() >= 10);
    for (const auto& input : inputs) run(input);
}

TEST_CASE("the CSV fuzz entry point holds its invariants on mutated inputs", "[db][csv][fuzz]") {
    const auto seeds = fixtures();
    std::mt19937 random(20261121);  // fixed: the same inputs on every run
    const std::string interesting[] = {"\"", "\"\"", ";", ",", "\t", "\n", "\r", "\r\n", "\xEF\xBB\xBF", "\xFF\xFE",
                                       "\xFE\xFF", "\xC3", "\xA4", "\xFF", "\x81", std::string(1, '\0'), "'", "=", "|"};
    auto pick = [&](std::size_t n) { return static_cast<std::size_t>(random() % std::max<std::size_t>(n, 1)); };
    for (int round = 0; round < 4000; ++round) {
        std::string input = seeds[pick(seeds.size())];
        const int edits = 1 + static_cast<int>(pick(8));
        for (int e = 0; e < edits; ++e) {
            const std::size_t at = pick(input.size() + 1);
            switch (pick(4)) {
                case 0: input.insert(at, interesting[pick(std::size(interesting))]); break;
                case 1:
                    if (at < input.size()) input[at] = static_cast<char>(random() & 0xFF);
                    break;
                case 2: input.erase(at, pick(16)); break;
                default: input.insert(at, input.substr(pick(input.size()), pick(64))); break;
            }
        }
        if (round % 10 == 0) {
            // Also pure noise over the characters that matter to the parser.
            input.clear();
            const std::size_t length = pick(300);
            for (std::size_t i = 0; i < length; ++i) input += interesting[pick(std::size(interesting))];
        }
        run(input);
    }
    SUCCEED("4000 mutated inputs");
}
