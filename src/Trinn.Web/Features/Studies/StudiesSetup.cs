using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using ClosedXML.Excel;
using Trinn.Core.Identity;
using Trinn.Core.Research;

namespace Trinn.Web.Features.Studies;

/// <summary>Marker for the study pages' texts (Resources/Features/Studies/StudiesResource.resx).</summary>
public sealed class StudiesResource;

internal static class StudiesSetup
{
    /// <summary>
    /// Studies are run by admins (create, bulk enrolment, exports with or without free text) and metodeveiledere
    /// (enrol their own team's candidates by name). The forsker's pages are under /Research.
    /// </summary>
    public static WebApplicationBuilder AddTrinnStudies(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<RazorPagesOptions>(o =>
        {
            o.Conventions.AuthorizeFolder("/Studies", Policies.StudyManager);
            o.Conventions.AuthorizePage("/Studies/New", Policies.Admin);
            o.Conventions.AuthorizePage("/Studies/Export", Policies.Admin);
            o.Conventions.AuthorizePage("/Studies/Researchers", Policies.Admin);
        });
        return builder;
    }
}

internal static class StudyAccess
{
    /// <summary>Admins see every study; a metodeveileder those that include their team. The check is in the query.</summary>
    public static IQueryable<Study> VisibleTo(this IQueryable<Study> studies, ClaimsPrincipal user)
    {
        if (user.IsInRole(Roles.Admin))
        {
            return studies;
        }

        var teamId = user.IsInRole(Roles.Metodeveileder) ? user.TeamId() : null;
        return teamId is null ? studies.Where(_ => false) : studies.Where(s => s.WholeOrganisation || s.Teams.Any(t => t.TeamId == teamId));
    }
}

/// <summary>Research export files: one CSV per table, or one workbook with a sheet per table. Every download is audited.</summary>
internal static class ResearchExportFiles
{
    public const string Xlsx = "xlsx";
    public const string Csv = "csv";
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>
    /// One download. The SPSS/R files (<see cref="ResearchDatasetFiles"/>) need the study's name and the labels
    /// (<paramref name="labels"/>); the plain tables do not.
    /// </summary>
    public static (byte[] Content, string ContentType, string FileName) Build(StudyDataset dataset, int studyId, string format, string? file, string studyName = "", Func<string, string>? labels = null)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var stem = "trinn-studie-" + studyId.ToString(CultureInfo.InvariantCulture) + (dataset.IncludesFreeText ? "-med-fritekst" : "");
        if (format == ResearchDatasetFiles.Format)
        {
            var text = labels ?? (key => key);
            return ResearchDatasetFiles.Build(ResearchDatasetFiles.Describe(dataset, studyName, text), stem, file, text)
                ?? throw new ArgumentException($"Unknown research file '{file}'.", nameof(file));
        }

        if (format == Csv)
        {
            var table = dataset.Table(file!);
            return (StudyDataset.ToCsv(table), "text/csv; charset=utf-8", $"{stem}-{table.Name}.csv");
        }

        return (ToXlsx(dataset), XlsxContentType, stem + ".xlsx");
    }

    /// <summary>Whether the format and file name a request asks for exist in this dataset.</summary>
    public static bool IsValid(StudyDataset dataset, string? format, string? file) =>
        format == Xlsx || (format == Csv && file is not null && dataset.Tables.Any(t => t.Name == file))
        || (format == ResearchDatasetFiles.Format && file is not null && ResearchDatasetFiles.Files().Contains(file));

    public static Task AuditAsync(TrinnDbContext db, int studyId, string format, string? file, StudyDataset dataset, string? reason, CancellationToken ct)
    {
        var changes = new Dictionary<string, object?[]>(StringComparer.Ordinal)
        {
            ["Format"] = [null, format],
            ["File"] = [null, format == Xlsx ? "all" : file],
            ["Participants"] = [null, dataset.ParticipantCount],
            ["IncludeFreeText"] = [null, dataset.IncludesFreeText],
        };
        if (reason is not null)
        {
            changes["Reason"] = [null, reason];
        }

        return db.AuditAsync(
            [new AuditEvent(AuditAction.Export, AuditEntities.ResearchExport, studyId.ToString(CultureInfo.InvariantCulture), null, JsonSerializer.Serialize(changes))], ct);
    }

    private static byte[] ToXlsx(StudyDataset dataset)
    {
        using var workbook = new XLWorkbook();
        foreach (var table in dataset.Tables)
        {
            var sheet = workbook.Worksheets.Add(table.Name);
            for (var c = 0; c < table.Columns.Count; c++)
            {
                sheet.Cell(1, c + 1).Value = table.Columns[c];
                sheet.Cell(1, c + 1).Style.Font.Bold = true;
            }

            for (var r = 0; r < table.Rows.Count; r++)
            {
                var row = table.Rows[r];
                for (var c = 0; c < row.Length; c++)
                {
                    var cell = sheet.Cell(r + 2, c + 1);
                    switch (row[c])
                    {
                        case null:
                            break;
                        case int i:
                            cell.Value = i;
                            break;
                        case DateOnly d:
                            cell.Value = d.ToDateTime(TimeOnly.MinValue);
                            cell.Style.DateFormat.Format = "yyyy-mm-dd";
                            break;
                        case bool b:
                            cell.Value = b ? 1 : 0;
                            break;
                        default:
                            // Text stays text: never a formula, whatever it starts with.
                            cell.SetValue(StudyDataset.Format(row[c]));
                            cell.DataType = XLDataType.Text;
                            break;
                    }
                }
            }

            sheet.SheetView.FreezeRows(1);
        }

        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }
}
