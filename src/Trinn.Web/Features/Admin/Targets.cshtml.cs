using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Mvc.Rendering;
using Trinn.Core.Common;
using Trinn.Core.Indicators;
using Trinn.Web.Features.Overview;

namespace Trinn.Web.Features.Admin;

/// <summary>
/// The targets (måltall) as settings with valid-from dates: a change is a new row with its source, history stays, and
/// each period is measured against the target in force then. Also when each team started, for its start-up year.
/// </summary>
public sealed class TargetsModel(
    TrinnDbContext db, IStringLocalizer<SharedResource> t, IStringLocalizer<IndicatorsResource> l, TimeProvider time) : PageModel
{
    [BindProperty]
    public TargetInput Input { get; set; } = new();

    [BindProperty]
    public TeamStartInput Team { get; set; } = new();

    public IReadOnlyList<IndicatorDefinition> Targetable { get; } = IndicatorKeys.All.Where(d => d.Targetable).ToList();

    /// <summary>Registered rows, newest first per indicator.</summary>
    public IReadOnlyList<TargetRow> History { get; private set; } = [];

    public IReadOnlyList<TeamChoice> Teams { get; private set; } = [];

    public List<SelectListItem> KeyItems { get; private set; } = [];

    public List<SelectListItem> TeamItems { get; private set; } = [];

    public DateOnly Today { get; private set; }

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        ModelState.KeepErrorsOf("Input");
        if (ModelState.IsValid)
        {
            IndicatorTarget? target = null;
            var outcome = await ConcurrencyGuard.TrySaveAsync(db, () =>
            {
                target = IndicatorTarget.Create(Input.Key, Input.ValidFrom, Input.Value, Input.UpperValue, Input.Source, User.UserId(), time.GetUtcNow().UtcDateTime);
                db.Add(target);
                return Task.CompletedTask;
            }, ModelState, t, Text);
            if (outcome == SaveOutcome.Saved)
            {
                Message = l["Targets_Saved", IndicatorText.Title(l, target!.Key), NorwegianTime.Format(target.ValidFrom)];
                return RedirectToPage();
            }
        }

        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostTeamAsync()
    {
        ModelState.KeepErrorsOf("Team");
        var team = Team.TeamId is { } id ? await db.Teams.SingleOrDefaultAsync(x => x.Id == id) : null;
        if (team is null)
        {
            ModelState.AddModelError("Team.TeamId", t["Error_Required", t["Field_Team"]]);
        }

        if (ModelState.IsValid && team is not null)
        {
            var outcome = await ConcurrencyGuard.TrySaveAsync(db, () =>
            {
                team.SetStartedOn(Team.StartedOn, NorwegianTime.Today(time));
                return Task.CompletedTask;
            }, ModelState, t, prefix: "Team.");
            if (outcome == SaveOutcome.Saved)
            {
                Message = l["Targets_TeamSaved", team.Name];
                return RedirectToPage();
            }
        }

        await LoadAsync();
        return Page();
    }

    private string Text(DomainException ex)
    {
        var own = l[ex.MessageKey];
        var label = ex.Field switch
        {
            "Key" => "Field_Indicator",
            "ValidFrom" => "Field_ValidFrom",
            "UpperValue" => "Field_TargetUpper",
            "Source" => "Field_TargetSource",
            _ => "Field_TargetValue",
        };
        return own.ResourceNotFound ? t[ex.MessageKey, t[label], IndicatorTarget.SourceMaxLength].Value : own.Value;
    }

    private async Task LoadAsync()
    {
        Today = NorwegianTime.Today(time);
        var rows = await db.Set<IndicatorTarget>().AsNoTracking()
            .OrderByDescending(x => x.ValidFrom).ThenByDescending(x => x.CreatedAtUtc)
            .Select(x => new { x.Key, x.ValidFrom, x.Value, x.UpperValue, x.Source, x.CreatedAtUtc, By = db.Users.Where(u => u.Id == x.CreatedById).Select(u => u.DisplayName).FirstOrDefault() })
            .ToListAsync();
        History = rows.Select(x => new TargetRow(x.Key, x.ValidFrom, x.Value, x.UpperValue, x.Source, x.CreatedAtUtc, x.By)).ToList();
        Teams = await db.Teams.AsNoTracking().OrderBy(x => x.Name).Select(x => new TeamChoice(x.Id, x.Name, x.StartedOn)).ToListAsync();
        KeyItems = [new SelectListItem(t["Select_Choose"], ""), .. Targetable.Select(d => new SelectListItem(IndicatorText.Title(l, d.Key), d.Key))];
        TeamItems = [new SelectListItem(t["Select_Choose"], ""), .. Teams.Select(x => new SelectListItem(x.Name, x.Id.ToString(CultureInfo.InvariantCulture)))];
    }

    /// <summary>The target in force today for an indicator: a registered row or the report's default.</summary>
    public IndicatorTarget Current(string key) =>
        IndicatorTarget.InEffect(History.Select(h => h.ToTarget()).ToList(), key, Today)!;
}

public sealed record TargetRow(string Key, DateOnly ValidFrom, decimal Value, decimal? UpperValue, string Source, DateTime CreatedAtUtc, string? By)
{
    public IndicatorTarget ToTarget() => IndicatorTarget.Create(Key, ValidFrom, Value, UpperValue, Source, "", CreatedAtUtc);
}

public sealed class TargetInput
{
    [Required(ErrorMessage = "Error_Required")]
    [Display(Name = "Field_Indicator")]
    public string? Key { get; set; }

    [Required(ErrorMessage = "Error_Required")]
    [Display(Name = "Field_ValidFrom")]
    public DateOnly? ValidFrom { get; set; }

    [Required(ErrorMessage = "Error_Required")]
    [Display(Name = "Field_TargetValue")]
    public decimal? Value { get; set; }

    [Display(Name = "Field_TargetUpper")]
    public decimal? UpperValue { get; set; }

    [Required(ErrorMessage = "Error_Required")]
    [StringLength(IndicatorTarget.SourceMaxLength, ErrorMessage = "Error_TooLong")]
    [Display(Name = "Field_TargetSource")]
    public string? Source { get; set; }
}

public sealed class TeamStartInput
{
    [Required(ErrorMessage = "Error_Required")]
    [Display(Name = "Field_Team")]
    public int? TeamId { get; set; }

    [Display(Name = "Field_TeamStartedOn")]
    public DateOnly? StartedOn { get; set; }
}
