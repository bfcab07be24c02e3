using System.Globalization;
using Trinn.Core.Research;
using Trinn.Web.Features.Placements;
using Trinn.Web.Features.Research;

namespace Trinn.Web.Features.Studies;

/// <summary>
/// The study export for SPSS and R (format <c>research</c>): wide and long CSV, the codebook, and SPSS syntax and R
/// scripts for each CSV file. Labels are the app's Norwegian texts: variable labels and codes from the research texts,
/// categories from the same texts the pages show.
/// </summary>
internal static class ResearchDatasetFiles
{
    public const string Format = "research";
    public const string Codebook = "codebook.csv";

    /// <summary>The downloadable files of a dataset, e.g. <c>wide.csv</c>, <c>wide.sps</c>, <c>long-placement.R</c>, <c>codebook.csv</c>.</summary>
    public static IReadOnlyList<string> Files(ResearchDataset dataset) =>
        [.. dataset.Files.SelectMany(f => new[] { f + ".csv", f + ".sps", f + ".R" }), Codebook];

    /// <summary>The same list for a study export without loading it: the files depend only on the described blocks.</summary>
    public static IReadOnlyList<string> Files() =>
        Files(StudyResearchDataset.From(StudyDataset.Empty(), "", key => key));

    public static ResearchDataset Describe(StudyDataset dataset, string studyName, Func<string, string> text) =>
        StudyResearchDataset.From(dataset, studyName, text);

    /// <summary>Null when <paramref name="file"/> is not one of <see cref="Files(ResearchDataset)"/>.</summary>
    public static (byte[] Content, string ContentType, string FileName)? Build(ResearchDataset dataset, string stem, string? file, Func<string, string> text)
    {
        if (file is null || !Files(dataset).Contains(file))
        {
            return null;
        }

        if (file == Codebook)
        {
            return (dataset.CodebookCsv(), "text/csv; charset=utf-8", $"{stem}-kodebok.csv");
        }

        string name = file[..file.LastIndexOf('.')];
        string extension = file[(name.Length + 1)..];
        string csvName = $"{stem}-{name}.csv";
        var texts = new ScriptTexts(
            string.Format(CultureInfo.InvariantCulture, text("Codebook_ScriptHeader"), dataset.Title, name),
            string.Format(CultureInfo.InvariantCulture, text("Codebook_ScriptFileHint"), csvName));
        return extension switch
        {
            "csv" => (dataset.Csv(name), "text/csv; charset=utf-8", csvName),
            "sps" => (System.Text.Encoding.UTF8.GetBytes(ResearchScripts.Spss(dataset, name, csvName, texts)), "text/plain; charset=utf-8", $"{stem}-{name}.sps"),
            _ => (System.Text.Encoding.UTF8.GetBytes(ResearchScripts.R(dataset, name, csvName, texts)), "text/plain; charset=utf-8", $"{stem}-{name}.R"),
        };
    }

    /// <summary>Labels from the research texts, then the shared and placement texts (enum members), else the key itself.</summary>
    public static Func<string, string> Labels(IStringLocalizer<ResearchResource> research, IStringLocalizer<SharedResource> shared, IStringLocalizer<PlacementsResource> placements) => key =>
    {
        foreach (IStringLocalizer l in new IStringLocalizer[] { research, shared, placements })
        {
            LocalizedString s = l[key];
            if (!s.ResourceNotFound)
            {
                return s.Value;
            }
        }

        return key;
    };
}
