import { registerEnumType } from '@nestjs/graphql';
import { RegionLevel, Role, UnitKind } from '@ducha/contracts';

registerEnumType(Role, {
  name: 'Role',
  description: 'ADMIN 系统管理员, INSPECTOR 督察人员, DEPARTMENT_OFFICER 部门法制联络员, LEADER 领导',
});
registerEnumType(UnitKind, { name: 'UnitKind', description: '政府部门, 乡镇/街道, 垂管单位' });
registerEnumType(RegionLevel, { name: 'RegionLevel' });

export { RegionLevel, Role, UnitKind };
