import type { SchemaAttributeType } from '@aws-sdk/client-cognito-identity-provider';
import { InvalidParameterException } from '../errors.js';
import { STANDARD_ATTRIBUTES, STANDARD_ATTRIBUTE_NAMES } from './poolDefaults.js';

/**
 * A custom attribute as AWS stores it: named `custom:<name>` (`dev:custom:<name>` when developer-only), with the
 * defaults AWS applies (String, mutable, not required) and constraints as strings.
 */
export function customAttribute(input: SchemaAttributeType): SchemaAttributeType {
  const name = input.Name ?? '';
  if (!name || name.length > 20) {
    throw new InvalidParameterException(`Custom attribute name must be between 1 and 20 characters: ${name}`);
  }
  if (input.Required) {
    throw new InvalidParameterException('Required custom attributes are not supported currently.');
  }
  const type = input.AttributeDataType ?? 'String';
  const developerOnly = input.DeveloperOnlyAttribute ?? false;
  return {
    Name: `${developerOnly ? 'dev:' : ''}custom:${name}`,
    AttributeDataType: type,
    DeveloperOnlyAttribute: developerOnly,
    Mutable: input.Mutable ?? true,
    Required: false,
    ...(type === 'String' ? { StringAttributeConstraints: input.StringAttributeConstraints ?? {} } : {}),
    ...(type === 'Number' ? { NumberAttributeConstraints: input.NumberAttributeConstraints ?? {} } : {}),
  };
}

/** The standard attributes (with any overrides the request made) followed by its custom attributes. */
export function poolSchema(requested: SchemaAttributeType[] = []): SchemaAttributeType[] {
  const overrides = new Map(requested.filter((a) => STANDARD_ATTRIBUTE_NAMES.has(a.Name!)).map((a) => [a.Name!, a]));
  const standard = STANDARD_ATTRIBUTES.map((attribute) => {
    const override = overrides.get(attribute.Name!);
    if (!override) return attribute;
    return {
      ...attribute,
      Mutable: override.Mutable ?? attribute.Mutable,
      Required: override.Required ?? attribute.Required,
      ...(override.StringAttributeConstraints ? { StringAttributeConstraints: override.StringAttributeConstraints } : {}),
    };
  });
  return [...standard, ...addCustomAttributes([], requested.filter((a) => !STANDARD_ATTRIBUTE_NAMES.has(a.Name!)))];
}

/** Appends custom attributes to a schema, refusing duplicates as AWS does. */
export function addCustomAttributes(schema: SchemaAttributeType[], added: SchemaAttributeType[]): SchemaAttributeType[] {
  const result = [...schema];
  for (const input of added) {
    const attribute = customAttribute(input);
    if (result.some((a) => a.Name === attribute.Name)) {
      throw new InvalidParameterException(`${attribute.Name}: Existing attribute already has name ${attribute.Name}.`);
    }
    result.push(attribute);
  }
  return result;
}
