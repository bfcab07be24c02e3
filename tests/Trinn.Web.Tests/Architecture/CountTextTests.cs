using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.Extensions.Localization;
using Trinn.Web.Shared;

namespace Trinn.Web.Tests.Architecture;

/// <summary>
/// Texts about a whole count come in pairs, "Key" for exactly one and "Key_Many" for every other count, and are
/// chosen by <see cref="CountText.Count(IStringLocalizer, string, int, object[])"/>: each pair is whole, and each pair is chosen by the helper, not by hand.
/// </summary>
public sealed partial class CountTextTests
{
    private static string Src => Path.Combine(StructureTests.RepoRoot(), "src", "Trinn.Web");

    [Fact]
    public void Resources_EveryManyKey_HasItsSingularTwinInTheSameFile()
    {
        var offenders = (
            from file in ResourceKeys()
            from key in file.Keys
            where key.EndsWith(CountText.ManySuffix, StringComparison.Ordinal)
            where !file.Keys.Contains(key[..^CountText.ManySuffix.Length])
            select $"{file.Name}: {key}").ToList();

        Assert.True(offenders.Count == 0, "Plural texts without their singular twin:\n" + string.Join('\n', offenders));
    }

    [Fact]
    public void CountTexts_EveryKeyUsedThroughTheHelper_HasBothTwinsInOneResourceFile()
    {
        var used = KeysUsedThroughCount();
        Assert.True(used.Count >= 15, $"only {used.Count} keys found: the scan itself is broken");
        var files = ResourceKeys();

        var offenders = used.Where(key => !files.Any(f => f.Keys.Contains(key) && f.Keys.Contains(key + CountText.ManySuffix))).ToList();

        Assert.True(offenders.Count == 0, "Keys passed to .Count(...) without both \"Key\" and \"Key_Many\" in one .resx:\n" + string.Join('\n', offenders));
    }

    [Fact]
    public void Resources_EveryManyKey_IsChosenThroughTheHelper()
    {
        var used = KeysUsedThroughCount();

        var offenders = (
            from file in ResourceKeys()
            from key in file.Keys
            where key.EndsWith(CountText.ManySuffix, StringComparison.Ordinal) && !used.Contains(key[..^CountText.ManySuffix.Length])
            select $"{file.Name}: {key}").ToList();

        Assert.True(offenders.Count == 0,
            "Choose these with T.Count(\"Key\", n, ...) rather than by hand (n == 1 ? \"Key\" : \"Key_Many\"):\n" + string.Join('\n', offenders));
    }

    [Theory]
    [InlineData(1, "1 dag")]
    [InlineData(0, "0 dager")]
    [InlineData(2, "2 dager")]
    [InlineData(-1, "-1 dager")]
    public void Count_WholeCount_SingularOnlyForExactlyOne(int count, string expected)
    {
        var localizer = new DictionaryLocalizer(new() { ["Days"] = "{0} dag", ["Days_Many"] = "{0} dager" });

        Assert.Equal(expected, localizer.Count("Days", count, count).Value);
    }

    [Theory]
    [InlineData("1", "1 time")]
    [InlineData("1.5", "1.5 timer")]
    [InlineData("0.5", "0.5 timer")]
    [InlineData("2", "2 timer")]
    public void Count_DecimalAmount_SingularOnlyForExactlyOne(string amount, string expected)
    {
        var value = decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture);
        var localizer = new DictionaryLocalizer(new() { ["Hours"] = "{0} time", ["Hours_Many"] = "{0} timer" });

        Assert.Equal(expected, localizer.Count("Hours", value, value).Value);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Count_PairHalfMissing_Throws(int count)
    {
        var onlySingular = new DictionaryLocalizer(new() { ["Days"] = "{0} dag" });
        var onlyPlural = new DictionaryLocalizer(new() { ["Days_Many"] = "{0} dager" });

        Assert.Throws<InvalidOperationException>(() => onlySingular.Count("Days", count, count));
        Assert.Throws<InvalidOperationException>(() => onlyPlural.Count("Days", count, count));
    }

    /// <summary>Every literal key passed as <c>x.Count("Key", ...)</c> in Trinn.Web's code and views.</summary>
    private static HashSet<string> KeysUsedThroughCount() =>
    [
        .. from file in Directory.EnumerateFiles(Src, "*.*", SearchOption.AllDirectories)
           where (file.EndsWith(".cs", StringComparison.Ordinal) || file.EndsWith(".cshtml", StringComparison.Ordinal))
               && !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
           from Match m in CountCall().Matches(File.ReadAllText(file))
           select m.Groups[1].Value,
    ];

    private static List<(string Name, HashSet<string> Keys)> ResourceKeys() =>
    [
        .. from file in Directory.EnumerateFiles(Path.Combine(Src, "Resources"), "*.resx", SearchOption.AllDirectories)
           select (Path.GetRelativePath(Src, file),
               XDocument.Load(file).Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet(StringComparer.Ordinal)),
    ];

    [GeneratedRegex("""\.Count\("([A-Za-z0-9_\-]+)",""")]
    private static partial Regex CountCall();

    private sealed class DictionaryLocalizer(Dictionary<string, string> texts) : IStringLocalizer
    {
        public LocalizedString this[string name] =>
            texts.TryGetValue(name, out var text) ? new(name, text) : new(name, name, resourceNotFound: true);

        public LocalizedString this[string name, params object[] arguments] =>
            texts.TryGetValue(name, out var text)
                ? new(name, string.Format(System.Globalization.CultureInfo.InvariantCulture, text, arguments))
                : new(name, name, resourceNotFound: true);

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => texts.Select(t => new LocalizedString(t.Key, t.Value));
    }
}
