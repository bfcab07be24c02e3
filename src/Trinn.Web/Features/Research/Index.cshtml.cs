using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Trinn.Core.Research;
using Trinn.Statistics.Contract;

namespace Trinn.Web.Features.Research;

/// <summary>
/// The forsker's analysis page: upload a CSV (kept in memory only, see <see cref="ResearchDataStore"/>), choose an
/// analysis and its columns, read the results as SPSS lays them out, copy the APA sentence, download the full-precision JSON.
/// </summary>
[RequestFormLimits(MultipartBodyLengthLimit = HardLimitBytes)]
[RequestSizeLimit(HardLimitBytes)]
public sealed class IndexModel(ResearchDataStore store, IOptions<ResearchOptions> options, IStringLocalizer<ResearchResource> t) : PageModel
{
    // Above the configurable upload limit, so a file a little too big gets a field message instead of a bare 413.
    private const long HardLimitBytes = 110L * 1024 * 1024;

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    [BindProperty(SupportsGet = true)]
    public AnalysisInput Input { get; set; } = new();

    /// <summary>The uploaded CSV (bound on the upload post only).</summary>
    [BindProperty]
    public IFormFile? DataFile { get; set; }

    public UploadedTable? Data { get; private set; }

    /// <summary>The contract result of the analysis that ran (null for Table 2 and before a run).</summary>
    internal ResultTree? Result { get; private set; }

    public GroupCharacteristicsTable? GroupTable { get; private set; }

    public IReadOnlyList<string> Sentences { get; private set; } = [];

    /// <summary>The query string that reproduces this result, for the JSON download link.</summary>
    public string? ResultQuery { get; private set; }

    public long MaxUploadBytes => options.Value.MaxUploadBytes;

    public int KeepMinutes => options.Value.KeepMinutes;

    public string AnalysisName(string analysis) => t["Analysis_" + analysis];

    public IActionResult OnGet()
    {
        Data = store.Get(User.UserId());
        if (Data is null || !Input.Run)
        {
            return Page();
        }

        if (Input.Dataset != Data.Id)
        {
            ModelState.AddModelError("Input.Analysis", t["Error_StaleDataset"]);
            return Page();
        }

        (JsonObject? request, _) = RunAnalysis();
        if (request is not null)
        {
            Sentences = Result is null ? [] : ApaSentences.For(Input.Analysis!, Result, Input, t);
            ResultQuery = Request.QueryString.Value;
        }

        return Page();
    }

    /// <summary>The same analysis as a JSON file: the contract request (data = the file name) and the full-precision result.</summary>
    public IActionResult OnGetJson()
    {
        Data = store.Get(User.UserId());
        if (Data is null || Input.Dataset != Data.Id)
        {
            return RedirectToPage();
        }

        (JsonObject? request, JsonObject? result) = RunAnalysis();
        if (request is null || result is null)
        {
            return RedirectToPage();
        }

        var body = new JsonObject { ["request"] = request, ["result"] = result };
        return File(Encoding.UTF8.GetBytes(body.ToJsonString(Indented)), "application/json", $"trinn-{Input.Analysis}.json");
    }

    public async Task<IActionResult> OnPostUploadAsync()
    {
        const string field = nameof(DataFile);
        Data = store.Get(User.UserId());
        IFormFile? dataFile = DataFile;
        if (dataFile is null || dataFile.Length == 0)
        {
            ModelState.AddModelError(field, t["Error_FileEmpty"]);
            return Page();
        }

        if (dataFile.Length > options.Value.MaxUploadBytes)
        {
            ModelState.AddModelError(field, t["Error_FileTooLarge", options.Value.MaxUploadBytes / (1024 * 1024)]);
            return Page();
        }

        CsvTable table;
        try
        {
            await using Stream stream = dataFile.OpenReadStream();
            using var reader = new StreamReader(stream, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true);
            string text = await reader.ReadToEndAsync(HttpContext.RequestAborted);
            table = CsvTable.Parse(new StringReader(text));
            if (FormatProblem(text, table) is { } problem)
            {
                ModelState.AddModelError(field, problem);
                return Page();
            }
        }
        catch (DecoderFallbackException)
        {
            ModelState.AddModelError(field, t["Error_FileNotUtf8"]);
            return Page();
        }
        catch (CsvDataException e)
        {
            ModelState.AddModelError(field, e.Problem switch
            {
                CsvProblem.NoHeader => t["Error_FileNoHeader"],
                CsvProblem.EmptyColumnName => t["Error_FileEmptyColumnName"],
                CsvProblem.DuplicateColumn => t["Error_FileDuplicateColumn", e.Column ?? ""],
                CsvProblem.WrongFieldCount or CsvProblem.UnknownColumn or CsvProblem.NotANumber or _ => t["Error_FileWrongFieldCount", e.Line ?? 0, e.Fields ?? 0, e.HeaderFields ?? 0],
            });
            return Page();
        }

        store.Put(User.UserId(), Path.GetFileName(dataFile.FileName), dataFile.Length, table);
        return RedirectToPage();
    }

    public IActionResult OnPostRemove()
    {
        store.Remove(User.UserId());
        return RedirectToPage();
    }

    /// <summary>Files that parse but cannot be what the forsker meant: a semicolon export, or no data rows.</summary>
    private string? FormatProblem(string text, CsvTable table)
    {
        if (table.Columns.Count == 1 && table.Columns[0].Contains(';', StringComparison.Ordinal))
        {
            return t["Error_FileSemicolon"];
        }

        return table.RowCount == 0 && text.Trim().Length > 0 ? t["Error_FileNoRows"].Value : null;
    }

    private (JsonObject? Request, JsonObject? Result) RunAnalysis()
    {
        var builder = new AnalysisRequest(Data!.Table, t);
        JsonObject? request = builder.Build(Input, Data.FileName);
        foreach ((string key, string message) in builder.Errors)
        {
            ModelState.AddModelError(key, message);
        }

        if (request is null)
        {
            return (null, null);
        }

        try
        {
            if (Input.Analysis == Analyses.GroupTable)
            {
                JsonObject input = request["input"]!.AsObject();
                GroupTable = GroupCharacteristics.Build(
                    Data.Table,
                    input["group_column"]?.GetValue<string>(),
                    [.. input["categorical"]!.AsArray().Select(n => n!.GetValue<string>())],
                    [.. input["continuous"]!.AsArray().Select(n => n!.GetValue<string>())]);
                return (request, JsonSerializer.SerializeToNode(GroupTable, JsonOptions)!.AsObject());
            }

            JsonObject result = StatsRequest.Run(request, Data.Table);
            Result = new ResultTree(result);
            return (request, result);
        }
        catch (StatsRequestException e)
        {
            // Field problems are caught above; what is left is data the analysis cannot use (e.g. a group with no values).
            ModelState.AddModelError("Input.Analysis", t["Error_AnalysisFailed", e.Message]);
            return (null, null);
        }
    }

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };
}
