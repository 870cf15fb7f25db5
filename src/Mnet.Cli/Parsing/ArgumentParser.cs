using System.CommandLine;
using System.CommandLine.Parsing;
using Mnet.Core.Text;

namespace Mnet.Cli.Parsing;

/// <summary>
/// Parses one command's arguments with System.CommandLine and turns its parse errors into the CLI's own usage
/// messages (unknown option with a did-you-mean, missing value, repeated option), so every error reads the same.
/// </summary>
public static class ArgumentParser
{
    public static ParsedArgs Parse(IReadOnlyList<string> argv, IReadOnlyList<OptionSpec> specs)
    {
        var root = new RootCommand();
        // Help and version are the CLI's own options (OptionSpec), not System.CommandLine's built-ins.
        foreach (var builtIn in root.Options.ToList())
        {
            root.Options.Remove(builtIn);
        }

        var values = new List<(OptionSpec Spec, Option<string> Option)>();
        var flags = new List<(OptionSpec Spec, Option<bool> Option)>();
        foreach (var spec in specs)
        {
            var aliases = spec.Short is null ? Array.Empty<string>() : [$"-{spec.Short}"];
            if (spec.Value is null)
            {
                var flag = new Option<bool>($"--{spec.Name}", aliases) { Arity = ArgumentArity.Zero };
                root.Options.Add(flag);
                flags.Add((spec, flag));
            }
            else
            {
                var option = new Option<string>($"--{spec.Name}", aliases) { Arity = ArgumentArity.ExactlyOne };
                root.Options.Add(option);
                values.Add((spec, option));
            }
        }

        var positionals = new Argument<string[]>("arguments") { Arity = ArgumentArity.ZeroOrMore };
        root.Arguments.Add(positionals);

        CheckTokens(argv, specs);
        var result = root.Parse(argv.ToArray(), new ParserConfiguration { EnablePosixBundling = false });
        if (result.Errors.Count > 0)
        {
            throw Translate(result, specs);
        }

        var parsedValues = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (spec, option) in values)
        {
            if (result.GetResult(option) is { } optionResult && !optionResult.Implicit)
            {
                var value = result.GetValue(option);
                if (string.IsNullOrEmpty(value))
                {
                    throw new UsageException($"option --{spec.Name} needs a value ({spec.Value})");
                }

                parsedValues[spec.Name] = value;
            }
        }

        var parsedFlags = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (spec, flag) in flags)
        {
            if (result.GetValue(flag))
            {
                parsedFlags.Add(spec.Name);
            }
        }

        return new ParsedArgs(result.GetValue(positionals) ?? [], parsedValues, parsedFlags);
    }

    /// <summary>The errors System.CommandLine would word its own way, checked first in the CLI's wording.</summary>
    private static void CheckTokens(IReadOnlyList<string> argv, IReadOnlyList<OptionSpec> specs)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < argv.Count; i++)
        {
            var token = argv[i];
            if (token == "--")
            {
                return;
            }

            if (!token.StartsWith('-') || token == "-")
            {
                continue;
            }

            var eq = token.StartsWith("--", StringComparison.Ordinal) ? token.IndexOf('=', StringComparison.Ordinal) : -1;
            var name = eq >= 0 ? token[..eq] : token;
            var spec = Find(specs, name);
            if (spec is null)
            {
                var known = specs.Select(s => $"--{s.Name}").ToList();
                var suggestion = Suggestions.Closest(name, known);
                throw new UsageException(
                    suggestion is null ? $"unknown option {name}" : $"unknown option {name} (did you mean {suggestion}?)");
            }

            if (!seen.Add(spec.Name))
            {
                throw new UsageException($"option --{spec.Name} given more than once");
            }

            if (spec.Value is null)
            {
                if (eq >= 0)
                {
                    throw new UsageException($"option --{spec.Name} takes no value");
                }

                continue;
            }

            if (eq >= 0)
            {
                continue;
            }

            var next = i + 1 < argv.Count ? argv[i + 1] : null;
            if (next is null || (next.StartsWith('-') && next != "-"))
            {
                throw new UsageException($"option --{spec.Name} needs a value ({spec.Value})");
            }

            i++;
        }
    }

    private static OptionSpec? Find(IReadOnlyList<OptionSpec> specs, string token) =>
        token.StartsWith("--", StringComparison.Ordinal)
            ? specs.FirstOrDefault(s => s.Name == token[2..])
            : specs.FirstOrDefault(s => s.Short is { } c && token.Length == 2 && token[1] == c);

    private static UsageException Translate(ParseResult result, IReadOnlyList<OptionSpec> specs)
    {
        // Anything CheckTokens did not foresee: System.CommandLine's own words, still a usage error.
        var first = result.Errors[0];
        return new UsageException(first.Message.TrimEnd('.'));
    }
}
