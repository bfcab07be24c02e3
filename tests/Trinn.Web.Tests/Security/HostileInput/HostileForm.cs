using System.Globalization;
using System.Reflection;
using System.Runtime.CompilerServices;
using FsCheck;
using FsCheck.Fluent;
using Trinn.Core.Candidates;
using Trinn.Core.Data;
using Trinn.Core.Identity;
using Trinn.Core.Teams;

namespace Trinn.Web.Tests.Security.HostileInput;

/// <summary>How the app is expected to store a text field it accepts.</summary>
public enum Stored
{
    /// <summary>Trimmed; whitespace only is stored as null (TextInput.Blank).</summary>
    Trimmed,

    /// <summary>Exactly as sent.</summary>
    Exact,

    /// <summary>Exactly as sent; whitespace only is stored as null.</summary>
    NullIfBlank,

    /// <summary>Trimmed, with browsers' CRLF line breaks stored as LF (texts shown again in e-mails and letters).</summary>
    TrimmedLf,
}

/// <summary>One text field of a form to fuzz: its form name, the entity property it is stored in, and whether a page shows it.</summary>
public sealed record FuzzField(string Name, string? Property = null, Stored Stored = Stored.Trimmed, bool Displayed = true)
{
    public string PropertyName => Property ?? Name[(Name.LastIndexOf('.') + 1)..];

    /// <summary>The id the form field tag helper gives the field (and its message, <c>{id}-error</c>).</summary>
    public string FieldId => Name.Replace('.', '_');

    public string? Expected(string sent) => Stored switch
    {
        Stored.Exact => sent,
        Stored.NullIfBlank => string.IsNullOrWhiteSpace(sent) ? null : sent,
        Stored.TrimmedLf => string.IsNullOrWhiteSpace(sent) ? null : sent.Replace("\r\n", "\n", StringComparison.Ordinal).Trim(),
        Stored.Trimmed or _ => string.IsNullOrWhiteSpace(sent) ? null : sent.Trim(),
    };
}

/// <summary>
/// What one test case posts to: the form page (for its antiforgery token and hidden fields), where it posts, valid
/// values for the other fields, how to read the fuzzed field back from the database (null: the form stores nothing),
/// and which page shows the stored value (from the post's response, e.g. its redirect).
/// </summary>
public sealed record FormTarget(
    string FormUrl,
    Dictionary<string, string> Baseline,
    Func<TrinnDbContext, string, Task<List<string?>>>? ReadBack,
    Func<HttpResponseMessage, string>? DisplayUrl = null,
    string? PostUrl = null);

/// <summary>
/// One row of the hostile-input table: a form with free-text inputs, who may submit it, how to set up a fresh target
/// for each case, and which fields to fuzz. Add a row to <see cref="HostileForms.All"/> for every new form.
/// <see cref="FreeText"/> false marks a form whose every field has a format (dates, numbers, choices): no plain text is a
/// valid value there, so instead of a plain value being stored, the row's baseline itself must be accepted.
/// </summary>
public sealed record HostileForm(string Name, string Role, Func<HostileScene, Task<FormTarget>> Arrange, IReadOnlyList<FuzzField> Fields, bool FreeText = true)
{
    public override string ToString() => Name;
}

/// <summary>Reads a property, by name, of every entity a query returns.</summary>
public static class Read
{
    public static Func<TrinnDbContext, string, Task<List<string?>>> From<T>(Func<TrinnDbContext, IQueryable<T>> query)
        where T : class => async (db, property) =>
        {
            var prop = typeof(T).GetProperty(property, BindingFlags.Public | BindingFlags.Instance)
                ?? throw new InvalidOperationException($"{typeof(T).Name} has no property {property}.");
            var rows = await query(db).AsNoTracking().ToListAsync();
            // Numbers (e.g. hours) are compared as the invariant text a form would send.
            return rows.Select(r => prop.GetValue(r) switch
            {
                null => null,
                IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
                var value => (string?)value,
            }).ToList();
        };
}

/// <summary>Where a saved value is shown.</summary>
public static class Show
{
    public static Func<HttpResponseMessage, string> At(string url) => _ => url;

    /// <summary>The page the successful post redirected to.</summary>
    public static Func<HttpResponseMessage, string> Redirect { get; } = r => r.Headers.Location!.OriginalString;
}

/// <summary>
/// A team with one signed-in user per role, shared by all cases on one app instance. Cases build their own
/// candidates, employers and placements in this team so that no case sees another's data.
/// </summary>
public sealed class HostileScene
{
    private static readonly ConditionalWeakTable<TrinnFactory, Lazy<Task<HostileScene>>> Scenes = new();
    private readonly Dictionary<string, BrowserClient> clients = [];

    private HostileScene(TrinnFactory app) => App = app;

    public TrinnFactory App { get; }

    public Team Team { get; private set; } = default!;

    public Dictionary<string, TrinnUser> Users { get; } = [];

    public TrinnUser Specialist => Users[Roles.Jobbspesialist];

    public TrinnUser NavVeileder => Users[Roles.NavVeileder];

    public DateOnly Today => App.Data.Today;

    public static Task<HostileScene> ForAsync(TrinnFactory app) =>
        Scenes.GetValue(app, a => new Lazy<Task<HostileScene>>(() => CreateAsync(a))).Value;

    public BrowserClient Client(string role) => clients[role];

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string S(int value) => value.ToString(CultureInfo.InvariantCulture);

    public Task<Candidate> AddCandidateAsync(int stage = 2) => App.Data.AddCandidateAsync(Team, NavVeileder, stage: stage, specialist: Specialist);

    public Task<T> WithDbAsync<T>(Func<TrinnDbContext, Task<T>> action) => App.Data.WithDbAsync(action);

    private static async Task<HostileScene> CreateAsync(TrinnFactory app)
    {
        var scene = new HostileScene(app) { Team = await app.Data.AddTeamAsync() };
        foreach (var role in Roles.All)
        {
            var team = role is Roles.Jobbspesialist or Roles.Metodeveileder ? scene.Team : null;
            var user = await app.Data.AddUserAsync(role, team);
            scene.Users[role] = user;
            scene.clients[role] = await BrowserClient.LoginAsync(app, user.UserName!);
        }

        scene.clients[""] = BrowserClient.Anonymous(app);
        return scene;
    }
}

/// <summary>
/// Runs the hostile-input property for one form: for each generated (field, hostile string) the app never answers
/// 500, and the value is either stored exactly (read back from the database) and shown HTML-encoded, or refused with
/// a message at that field and not stored.
/// </summary>
public static class HostileInputHarness
{
    public static async Task RunAsync(TrinnFactory app, HostileForm form, int cases)
    {
        ArgumentNullException.ThrowIfNull(form);
        var scene = await HostileScene.ForAsync(app);
        await BaselineIsStoredAsync(scene, form);
        var fieldIndexes = Gen.Choose(0, form.Fields.Count - 1).ToArbitrary();
        var property = Prop.ForAll(fieldIndexes, HostileStrings.Arbitrary(), (i, value) =>
            Task.Run(() => CheckAsync(scene, form, form.Fields[i], value.Value)).GetAwaiter().GetResult());
        await Task.Run(() => Check.One(Config.QuickThrowOnFailure.WithMaxTest(cases).WithQuietOnSuccess(true), property));
    }

    /// <summary>
    /// A harmless value with markup in it is stored and shown encoded in at least one field (fields with a format,
    /// such as e-mail, may refuse it): proves the row's baseline is valid, so the property is not vacuous.
    /// </summary>
    private static async Task BaselineIsStoredAsync(HostileScene scene, HostileForm form)
    {
        if (!form.FreeText)
        {
            // Every field has a format: the baseline, posted as it is, must be accepted, so that each refusal in the
            // property comes from the fuzzed value and not from a broken row.
            var target = await form.Arrange(scene);
            var client = scene.Client(form.Role);
            using var accepted = await client.PostFormAsync(await client.GetFormAsync(target.FormUrl, target.PostUrl), target.Baseline);
            Assert.True(accepted.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.SeeOther,
                $"{form.Name}: the row's baseline was not accepted ({(int)accepted.StatusCode}); fix the row. {Excerpt(await accepted.Content.ReadAsStringAsync())}");
            return;
        }

        var outcomes = new List<Outcome>();
        foreach (var field in form.Fields)
        {
            outcomes.Add(await CheckAsync(scene, form, field, "<b>Trinn & co</b> 'x' \"y\""));
        }

        Assert.True(outcomes.Contains(Outcome.Stored) || outcomes.All(o => o == Outcome.NotStoring),
            $"{form.Name}: a plain value was refused in every field; fix the row's baseline.");
    }

    private enum Outcome
    {
        Stored,
        Refused,
        NotStoring,
    }

    private static async Task<Outcome> CheckAsync(HostileScene scene, HostileForm form, FuzzField field, string value)
    {
        var target = await form.Arrange(scene);
        var client = scene.Client(form.Role);
        var sent = HostileStrings.AfterUtf8(value);
        var page = await client.GetFormAsync(target.FormUrl, target.PostUrl);
        var fields = new Dictionary<string, string>(target.Baseline) { [field.Name] = sent };
        using var response = await client.PostFormAsync(page, fields);
        var body = await response.Content.ReadAsStringAsync();
        var because = $"{form.Name} {field.Name} = {new HostileString(value)}: {(int)response.StatusCode}";

        // ASP.NET Core's form reader cannot read a body with U+0000 in it, so such a post fails antiforgery
        // validation (400, the generic error page) before Trinn sees it. It is refused, and nothing is stored.
        var unreadableForm = response.StatusCode == HttpStatusCode.BadRequest && sent.Contains('\0', StringComparison.Ordinal);
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect or HttpStatusCode.SeeOther || unreadableForm, because + " " + Excerpt(body));
        AssertNoRawMarkup(body, because);
        if (target.ReadBack is null)
        {
            return Outcome.NotStoring;
        }

        var expected = field.Expected(sent);
        var stored = await scene.WithDbAsync(db => target.ReadBack(db, field.PropertyName));
        var message = response.StatusCode == HttpStatusCode.OK ? ResponseExtensions.FieldError(body, field.FieldId) : null;
        if (message is not null || unreadableForm)
        {
            if (expected is not null)
            {
                Assert.DoesNotContain(expected, stored);
            }

            return Outcome.Refused;
        }

        Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.SeeOther || !body.Contains("aria-invalid=\"true\"", StringComparison.Ordinal),
            because + ": re-shown with an error, but not at the fuzzed field. " + Excerpt(body));
        Assert.True(stored.Contains(expected), because + $": neither refused at the field nor stored as sent (stored: {string.Join(" | ", stored.Select(s => s is null ? "null" : new HostileString(s).ToString()))}).");
        if (field.Displayed && expected is not null && target.DisplayUrl is not null)
        {
            using var shown = await client.GetAsync(target.DisplayUrl(response));
            var html = await shown.Content.ReadAsStringAsync();
            Assert.True(shown.StatusCode == HttpStatusCode.OK, because + $": display page gave {(int)shown.StatusCode}");
            AssertNoRawMarkup(html, because + " (display page)");
            Assert.True(WebUtility.HtmlDecode(html).Contains(expected, StringComparison.Ordinal), because + ": the stored value is not shown on " + target.DisplayUrl(response));
        }

        return Outcome.Stored;
    }

    private static void AssertNoRawMarkup(string html, string because)
    {
        foreach (var markup in HostileStrings.RawMarkup)
        {
            Assert.False(html.Contains(markup, StringComparison.OrdinalIgnoreCase), because + ": unencoded markup in the page: " + markup);
        }
    }

    private static string Excerpt(string body) => body.Length > 1500 ? body[..1500] : body;
}
