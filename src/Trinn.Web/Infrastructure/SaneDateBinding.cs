using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Binders;
using Trinn.Core.Common;

namespace Trinn.Web.Infrastructure;

/// <summary>
/// Every date a page binds (form fields and query values) must lie in <see cref="SaneDates"/>; anything else gets a
/// message at its field, so the page re-renders instead of storing year 1 or 9999 (or failing on date arithmetic).
/// </summary>
internal sealed class SaneDateModelBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var type = context.Metadata.ModelType;
        return (Nullable.GetUnderlyingType(type) ?? type) == typeof(DateOnly)
            ? new SaneDateModelBinder(new SimpleTypeModelBinder(type, context.Services.GetRequiredService<ILoggerFactory>()))
            : null;
    }

    private sealed class SaneDateModelBinder(IModelBinder inner) : IModelBinder
    {
        public async Task BindModelAsync(ModelBindingContext bindingContext)
        {
            await inner.BindModelAsync(bindingContext);
            if (bindingContext.Result.IsModelSet && bindingContext.Result.Model is DateOnly date && !SaneDates.Contains(date))
            {
                var t = bindingContext.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
                bindingContext.ModelState.TryAddModelError(bindingContext.ModelName, t["Error_DateOutOfRange"]);
            }
        }
    }
}
