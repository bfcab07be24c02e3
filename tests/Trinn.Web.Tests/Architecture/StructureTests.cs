namespace Trinn.Web.Tests.Architecture;

/// <summary>
/// The house rules that are about where code lives, checked on the sources: pages save through the one save path
/// (ConcurrencyGuard) rather than their own catch blocks, and each feature folder with pages has its own Setup file.
/// </summary>
public sealed class StructureTests
{
    private static readonly string[] ForbiddenCatches =
        ["catch (DomainException", "catch (DbUpdateConcurrencyException", "catch (DbUpdateException"];

    /// <summary>Feature folders with pages but without their own Setup file, each with the reason.</summary>
    private static readonly Dictionary<string, string> WithoutSetup = new(StringComparer.Ordinal)
    {
        ["Instruments"] = "one page for any signed-in user (the authenticated fallback policy): nothing of its own to register",
        ["Overview"] = "the dashboard's registration is IndicatorsSetup.cs, named after the indicators it shows",
    };

    private static string Features => Path.Combine(RepoRoot(), "src", "Trinn.Web", "Features");

    [Fact]
    public void Features_NoPageCatchesDomainOrSaveErrorsItself()
    {
        var files = Directory.EnumerateFiles(Features, "*.cs", SearchOption.AllDirectories).ToList();
        Assert.True(files.Count > 100, $"only {files.Count} source files under {Features}: the scan itself is broken");

        var offenders = (
            from file in files
            from line in File.ReadLines(file).Select((text, i) => (Text: text, Number: i + 1))
            where ForbiddenCatches.Any(c => line.Text.Contains(c, StringComparison.Ordinal))
            select $"{Path.GetRelativePath(Features, file)}:{line.Number}: {line.Text.Trim()}").ToList();

        Assert.True(offenders.Count == 0,
            "Save through ConcurrencyGuard.TrySaveAsync/TryApply/TryWriteAsync instead of catching here:\n" + string.Join('\n', offenders));
    }

    [Fact]
    public void Features_EveryFolderWithPages_HasItsOwnSetupOrAReason()
    {
        var folders = Directory.EnumerateDirectories(Features)
            .Where(d => Directory.EnumerateFiles(d, "*.cshtml").Any(f => !Path.GetFileName(f).StartsWith('_')))
            .Select(d => Path.GetFileName(d)!)
            .ToList();
        Assert.True(folders.Count > 15, $"only {folders.Count} feature folders with pages: the scan itself is broken");

        var missing = folders
            .Where(area => !File.Exists(Path.Combine(Features, area, area + "Setup.cs")) && !WithoutSetup.ContainsKey(area))
            .ToList();
        Assert.True(missing.Count == 0,
            "Put the area's registration (folder authorization, options, services) in Features/<Area>/<Area>Setup.cs, or give a reason here: "
            + string.Join(", ", missing));

        var stale = WithoutSetup.Keys.Where(area => !folders.Contains(area) || File.Exists(Path.Combine(Features, area, area + "Setup.cs"))).ToList();
        Assert.True(stale.Count == 0, "No longer needs its place on the list: " + string.Join(", ", stale));
    }

    /// <summary>The repository root: walks up from the test assembly to the folder holding Trinn.slnx.</summary>
    internal static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Trinn.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Trinn.slnx not found above " + AppContext.BaseDirectory);
    }
}
