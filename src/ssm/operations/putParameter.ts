import type { ParameterType, PutParameterResult } from '@aws-sdk/client-ssm';
import type { SsmDeps } from '../deps.js';
import { constraint, parameterAlreadyExists, validation } from '../errors.js';
import { Input } from '../input.js';
import { parameters, type ParameterRecord } from '../model/parameter.js';
import { checkWritableName } from '../names.js';

const TYPES: ParameterType[] = ['SecureString', 'StringList', 'String'];
// A Standard-tier value holds at most 4 KB (SSM API reference, PutParameter "Value"); cogniform has only that tier.
const MAX_VALUE = 4096;

export function PutParameter({ store, clock }: Pick<SsmDeps, 'store' | 'clock'>) {
  return async (body: unknown, region: string): Promise<PutParameterResult> => {
    const input = Input.of(body);
    const Name = input.requiredString('Name', { max: 2048 });
    const Value = input.requiredString('Value', {});
    const type = input.string('Type', { max: 64 });
    const Description = input.string('Description', { min: 0, max: 1024 });
    const overwrite = input.boolean('Overwrite');
    if (type !== undefined && !TYPES.includes(type as ParameterType)) {
      throw constraint('Type', type, `Member must satisfy enum value set: [${TYPES.join(', ')}]`);
    }
    checkWritableName(Name);
    if (Value.length > MAX_VALUE) {
      throw validation(
        'Standard tier parameters support a maximum parameter value of 4096 characters. To create a larger parameter ' +
          'value, upgrade the parameter to use the advanced-parameter tier. For more information, see ' +
          'https://docs.aws.amazon.com/systems-manager/latest/userguide/parameter-store-advanced-parameters.html',
      );
    }
    const table = store.table(parameters);
    return store.transact(`ssm\0${region}\0${Name}`, async (tx) => {
      const previous = await tx.get(table, [region, Name]);
      if (previous && !overwrite) throw parameterAlreadyExists();
      // An overwrite may leave out Type and keeps the parameter's; a new parameter needs one (AWS's message).
      const Type = (type as ParameterType | undefined) ?? previous?.Type;
      if (!Type) throw validation('A parameter type is required when you create a parameter.');
      const description = Description ?? previous?.Description;
      const record: ParameterRecord = {
        Region: region,
        Name,
        Type,
        Value,
        Version: (previous?.Version ?? 0) + 1,
        LastModifiedDate: clock.now().getTime(),
        ...(description !== undefined ? { Description: description } : {}),
      };
      await tx.put(table, record);
      return { Version: record.Version, Tier: 'Standard' };
    });
  };
}
