// The rule lives in @usher/protocol so that the server's SVG and the React avatar agree.
export { initialsOf, INITIALS_PATTERN, type AvatarPerson } from '@usher/protocol/avatar';
