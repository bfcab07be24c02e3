namespace Trinn.Core;
